package org.herald.notice;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * How an incident's individual notices went, counted per subject and per channel, for regulator
 * reports and the announcement decision. A subject counts once in {@code subjectsPlanned} and in at
 * most one of {@code subjectsNotified} (a notice delivered or accepted on some channel) and
 * {@code subjectsUnreachable} (every channel of the chain exhausted). Channel keys are
 * {@code email}, {@code sms}, {@code push}, {@code voice}, {@code letter}.
 */
public record DeliveryStatistics(UUID incidentId, long subjectsPlanned, long subjectsNotified,
        long subjectsUnreachable, long subjectsPending, Map<String, ChannelTotals> byChannel,
        Instant firstSentAt, Instant lastSentAt) {

    /** Attempts on one channel: delivered (or accepted), failed for good, and still retrying. */
    public record ChannelTotals(long sent, long delivered, long failed, long retrying) {
    }

    public static DeliveryStatistics none(UUID incidentId) {
        return new DeliveryStatistics(incidentId, 0, 0, 0, 0, Map.of(), null, null);
    }
}
