package org.herald.incident;

import java.util.Set;
import java.util.UUID;

/**
 * The locales an incident's notices must be written in, contributed by the feature that knows the
 * affected subjects. With no contribution, an incident needs {@code en} and every locale it already
 * has content for.
 */
public interface RequiredLocales {

    /** BCP 47 tags (e.g. {@code zh-CN}) the affected subjects of this incident need; may be empty. */
    Set<String> forIncident(UUID incidentId);
}
