package org.herald.incident;

import java.time.Instant;
import java.util.UUID;

/** One line of the incident list. */
public record IncidentSummary(UUID id, String reference, String title, Severity severity, IncidentStatus status,
        Instant detectedAt, Instant awareAt, Instant createdAt, Instant updatedAt) {

    static IncidentSummary of(Incident i) {
        return new IncidentSummary(i.id(), i.reference(), i.title(), i.severity(), i.status(), i.detectedAt(),
                i.awareAt(), i.createdAt(), i.updatedAt());
    }
}
