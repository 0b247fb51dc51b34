package org.herald.rules.engine;

import java.time.Instant;

/**
 * A computed due time and the words that explain it ("72 hours after awareness (2026-03-02 10:30
 * UTC), where feasible"). {@code at} is null when the law sets no fixed time or the clock has not
 * started yet; {@code basis} then says which.
 */
public record Due(Instant at, String basis) {
}
