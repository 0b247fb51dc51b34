package org.herald.rules.engine;

/**
 * Affected subjects living in one country and region (region may be null), with the counts some
 * laws single out: minors, deceased, and those the notice cannot reach (no contact point of the
 * addressee at all).
 */
public record Population(String country, String region, long subjects, long minors, long deceased,
        long unreachable) {
}
