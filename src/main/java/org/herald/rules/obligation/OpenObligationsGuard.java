package org.herald.rules.obligation;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.herald.incident.Incident;
import org.herald.incident.IncidentStatus;
import org.herald.incident.TransitionGuard;
import org.herald.rules.ObligationStatus;
import org.herald.rules.ObligationView;
import org.herald.shared.problem.Problem;

/** An incident is not closed while an obligation is open or late: fulfil or waive it first. */
@ApplicationScoped
public class OpenObligationsGuard implements TransitionGuard {

    private final ObligationViews views;
    private final Clock clock;

    OpenObligationsGuard(ObligationViews views, Clock clock) {
        this.views = views;
        this.clock = clock;
    }

    @Override
    public List<Problem.FieldError> refusals(Incident incident, IncidentStatus to) {
        if (to != IncidentStatus.CLOSED) {
            return List.of();
        }
        Instant now = clock.instant();
        List<Problem.FieldError> out = new ArrayList<>();
        List<ObligationView> all = views.of(incident.id(), now);
        for (int i = 0; i < all.size(); i++) {
            ObligationView v = all.get(i);
            if (v.status() == ObligationStatus.OPEN || v.status() == ObligationStatus.LATE) {
                out.add(new Problem.FieldError("obligations[" + i + "]", v.kind().name().toLowerCase().replace('_', ' ')
                        + " to " + v.recipient() + " (" + v.regimeId() + ") is " + v.status()
                        + ": record its fulfilment or waive it before closing"));
            }
        }
        return out;
    }
}
