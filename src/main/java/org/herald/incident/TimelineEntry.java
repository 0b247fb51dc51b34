package org.herald.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One line of an incident's timeline: an analyst's note ({@code kind = "note"}) or an audit entry
 * ({@code kind = "audit"}), ordered by {@code at}.
 *
 * @param at when it happened: a note's {@code occurredAt}, an audit entry's time
 * @param text the note, or a sentence describing the audit entry
 * @param details an audit entry's recorded summary
 * @param auditSeq an audit entry's position in the audit chain
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(Instant at, String kind, String actor, String action, String text,
        Map<String, Object> details, UUID noteId, Long auditSeq, Instant recordedAt) {

    @JsonIgnore
    public boolean isNote() {
        return "note".equals(kind);
    }
}
