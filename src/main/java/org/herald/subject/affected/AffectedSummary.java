package org.herald.subject.affected;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.herald.incident.DataCategory;

/**
 * Who is affected by an incident, counted: by jurisdiction, by exposed category, minors, and how
 * they can be reached. Reachability counts the addressee's contact points — the guardian's for a
 * minor, the next of kin's for a deceased subject, the subject's own otherwise.
 */
public record AffectedSummary(UUID incidentId, ScopeMethod method, Instant definedAt, String definedBy,
        long total, List<Jurisdiction> byJurisdiction, List<Category> byCategory, long minors, long deceased,
        Reachability reachability, long unmatchedRows) {

    /** How the affected set was defined: computed from holdings, or uploaded as a list. */
    public enum ScopeMethod {
        SELECTORS,
        LIST
    }

    public record Jurisdiction(String country, String region, long subjects) {
    }

    public record Category(DataCategory category, long subjects) {
    }

    /** Subjects (not contact points) per way of reaching them; one subject may count in several. */
    public record Reachability(long email, long phone, long push, long postal, long nothing) {
    }
}
