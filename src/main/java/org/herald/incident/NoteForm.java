package org.herald.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A timeline note: what happened, and when (now, unless said). */
public record NoteForm(@NotBlank @Size(max = IncidentForm.MAX_TEXT) String text, Instant occurredAt) {
}
