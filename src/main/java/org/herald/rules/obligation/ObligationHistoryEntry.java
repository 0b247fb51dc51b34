package org.herald.rules.obligation;

import java.time.Instant;
import java.util.UUID;

/** One step of an obligation's history; {@code detail} is JSON (what changed, from what to what). */
public record ObligationHistoryEntry(Instant at, String actor, String action, UUID assessmentId, String detail) {
}
