package org.herald.announcement;

import java.time.Instant;
import java.util.UUID;

/** One media notice on the checklist. */
public record MediaTaskView(UUID id, String regimeId, String jurisdiction, String description, Instant dueAt,
        boolean done, Instant doneAt, String doneBy, String evidence) {

    static MediaTaskView of(MediaTask t) {
        return new MediaTaskView(t.id(), t.regimeId(), t.jurisdiction(), t.description(), t.dueAt(), t.doneAt() != null,
                t.doneAt(), t.doneBy(), t.evidence());
    }
}
