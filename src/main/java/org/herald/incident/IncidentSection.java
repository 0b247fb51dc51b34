package org.herald.incident;

import java.util.Optional;
import org.herald.security.ConsoleSession;

/**
 * A section a later feature adds to the incident's console page (affected subjects, obligations,
 * campaigns, announcements, reports) without the incident feature knowing that feature. Each
 * section renders its own HTML from its own template; sections appear in {@link #order()}.
 */
public interface IncidentSection {

    /** Position on the page, lower first: affected subjects 100, obligations 200, campaigns 300. */
    int order();

    /**
     * The section as an HTML fragment (a {@code <section class="card">}) for this incident and
     * viewer, or empty when the viewer may not see it or it has nothing to show.
     */
    Optional<String> render(Incident incident, ConsoleSession session);
}
