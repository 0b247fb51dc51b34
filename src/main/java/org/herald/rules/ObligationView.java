package org.herald.rules;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One obligation of an incident as other features read it (notice campaigns, announcements,
 * regulator reports). {@code jurisdiction} is an ISO 3166-1 country, an ISO 3166-2 region such as
 * {@code US-CA}, or {@code EU}. {@code dueAt} is null when the law sets no fixed time ("without undue
 * delay"); {@code dueBasis} then says so in words. {@code reason} is the sentence a privacy officer
 * reads (rule, citation, conditions with their numbers); {@code confidence} is {@code primary},
 * {@code secondary} or {@code unconfirmed}.
 */
public record ObligationView(UUID id, UUID incidentId, ObligationKind kind, String regimeId, String jurisdiction,
        String recipient, String phase, Instant dueAt, String dueBasis, ObligationStatus status, String reason,
        List<String> citations, String confidence, long subjectsCovered, Instant fulfilledAt,
        String fulfilmentReference) {
}
