package org.herald.incident;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A lifecycle move: the status wanted and, for reopening (required) or any other move, why. */
public record TransitionRequest(@NotNull IncidentStatus to, @Size(max = 2000) String reason) {
}
