package org.herald.incident;

import java.time.Instant;
import java.util.UUID;

/** A timeline note as the API shows it. */
public record NoteView(UUID id, String text, Instant occurredAt, String actor, Instant recordedAt) {

    static NoteView of(IncidentNote n) {
        return new NoteView(n.id(), n.text(), n.occurredAt(), n.actor(), n.recordedAt());
    }
}
