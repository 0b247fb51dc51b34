package org.herald.incident;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.herald.security.Role;

/**
 * The moves an incident can make, who may make them, and whether a reason is required. Analysts
 * move an incident forward to notification; everything after that, and reopening, is the privacy
 * officer's decision.
 */
public final class Lifecycle {

    private Lifecycle() {
    }

    /** One allowed move between two statuses. */
    public enum Move {
        START_ASSESSMENT(IncidentStatus.DRAFT, IncidentStatus.ASSESSING, false, Role.ANALYST, Role.PRIVACY_OFFICER),
        START_NOTIFYING(IncidentStatus.ASSESSING, IncidentStatus.NOTIFYING, false, Role.ANALYST, Role.PRIVACY_OFFICER),
        START_MONITORING(IncidentStatus.NOTIFYING, IncidentStatus.MONITORING, false, Role.PRIVACY_OFFICER),
        CLOSE(IncidentStatus.MONITORING, IncidentStatus.CLOSED, false, Role.PRIVACY_OFFICER),
        REOPEN_FROM_MONITORING(IncidentStatus.MONITORING, IncidentStatus.ASSESSING, true, Role.PRIVACY_OFFICER),
        REOPEN_FROM_CLOSED(IncidentStatus.CLOSED, IncidentStatus.ASSESSING, true, Role.PRIVACY_OFFICER);

        private final IncidentStatus from;
        private final IncidentStatus to;
        private final boolean needsReason;
        private final Set<Role> allowedRoles;

        Move(IncidentStatus from, IncidentStatus to, boolean needsReason, Role... allowedRoles) {
            this.from = from;
            this.to = to;
            this.needsReason = needsReason;
            this.allowedRoles = EnumSet.copyOf(Arrays.asList(allowedRoles));
        }

        public IncidentStatus from() {
            return from;
        }

        public IncidentStatus to() {
            return to;
        }

        /** Reopening undoes a decision: the audit log must say why. */
        public boolean needsReason() {
            return needsReason;
        }

        public boolean isReopen() {
            return this == REOPEN_FROM_MONITORING || this == REOPEN_FROM_CLOSED;
        }

        public Set<Role> allowedRoles() {
            return allowedRoles;
        }

        /** Whether someone acting in these roles may make this move. */
        public boolean allowedFor(Set<String> roles) {
            return allowedRoles.stream().anyMatch(r -> roles.contains(r.name()));
        }

        /** What the console's button says. */
        public String label() {
            return switch (this) {
                case START_ASSESSMENT -> "Start assessment";
                case START_NOTIFYING -> "Start notifying";
                case START_MONITORING -> "Move to monitoring";
                case CLOSE -> "Close incident";
                case REOPEN_FROM_MONITORING, REOPEN_FROM_CLOSED -> "Reopen for assessment";
            };
        }

        /** Applies this move to the incident. */
        void apply(Incident incident, java.time.Instant at) {
            switch (this) {
                case START_ASSESSMENT -> incident.startAssessment(at);
                case START_NOTIFYING -> incident.startNotifying(at);
                case START_MONITORING -> incident.startMonitoring(at);
                case CLOSE -> incident.close(at);
                case REOPEN_FROM_MONITORING, REOPEN_FROM_CLOSED -> incident.reopen(at);
            }
        }
    }

    public static Optional<Move> move(IncidentStatus from, IncidentStatus to) {
        return Arrays.stream(Move.values()).filter(m -> m.from == from && m.to == to).findFirst();
    }

    /** The moves out of a status, in the order the console offers them. */
    public static List<Move> movesFrom(IncidentStatus from) {
        return Arrays.stream(Move.values()).filter(m -> m.from == from).toList();
    }
}
