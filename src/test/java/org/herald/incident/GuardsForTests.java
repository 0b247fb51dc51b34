package org.herald.incident;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.herald.shared.problem.Problem.FieldError;

/**
 * Stand-ins for the later features that guard the lifecycle: an obligations guard that refuses
 * CLOSED for the incidents a test marks, and subjects that need extra locales.
 */
final class GuardsForTests {

    private GuardsForTests() {
    }

    /** Refuses CLOSED for marked incidents, like open obligations will; records every question asked. */
    @ApplicationScoped
    static class OpenObligations implements TransitionGuard {

        static final Set<UUID> WITH_OPEN_OBLIGATIONS = ConcurrentHashMap.newKeySet();
        static final List<String> ASKED = new CopyOnWriteArrayList<>();

        @Override
        public List<FieldError> refusals(Incident incident, IncidentStatus to) {
            ASKED.add(incident.id() + "→" + to);
            if (to == IncidentStatus.CLOSED && WITH_OPEN_OBLIGATIONS.contains(incident.id())) {
                return List.of(new FieldError("obligations[0]", "notify the supervisory authority is still open"));
            }
            return List.of();
        }
    }

    /** Affected subjects that read notices in the locales a test sets. */
    @ApplicationScoped
    static class SubjectLocales implements RequiredLocales {

        static final Map<UUID, Set<String>> NEEDED = new ConcurrentHashMap<>();

        @Override
        public Set<String> forIncident(UUID incidentId) {
            return NEEDED.getOrDefault(incidentId, Set.of());
        }
    }
}
