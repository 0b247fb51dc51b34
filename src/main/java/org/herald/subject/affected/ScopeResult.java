package org.herald.subject.affected;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * The answer to a scope run: how many subjects it put in the affected set (and how many were in it
 * before). The totals by jurisdiction, category and reachability are a separate read, {@code summary}.
 */
public record ScopeResult(UUID incidentId, AffectedSummary.ScopeMethod method, long affected, long previouslyAffected,
        Instant definedAt, String definedBy, URI summary) {

    static ScopeResult of(UUID incidentId, long affected, long previous, Instant at, String actor) {
        return new ScopeResult(incidentId, AffectedSummary.ScopeMethod.SELECTORS, affected, previous, at, actor,
                URI.create("/api/incidents/" + incidentId + "/affected/summary"));
    }
}
