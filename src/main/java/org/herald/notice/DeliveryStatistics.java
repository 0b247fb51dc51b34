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
 * {@code unreachableByRegime} counts the unreachable per rule (regime id) whose individual notice
 * they were owed, a regime absent from it having none; it is empty when nobody is unreachable or
 * when the source does not break the total down.
 */
public record DeliveryStatistics(UUID incidentId, long subjectsPlanned, long subjectsNotified,
        long subjectsUnreachable, long subjectsPending, Map<String, ChannelTotals> byChannel,
        Instant firstSentAt, Instant lastSentAt, Map<String, Long> unreachableByRegime) {

    /** Statistics without the per-regime breakdown. */
    public DeliveryStatistics(UUID incidentId, long subjectsPlanned, long subjectsNotified, long subjectsUnreachable,
            long subjectsPending, Map<String, ChannelTotals> byChannel, Instant firstSentAt, Instant lastSentAt) {
        this(incidentId, subjectsPlanned, subjectsNotified, subjectsUnreachable, subjectsPending, byChannel, firstSentAt,
                lastSentAt, Map.of());
    }

    /** Attempts on one channel: delivered (or accepted), failed for good, and still retrying. */
    public record ChannelTotals(long sent, long delivered, long failed, long retrying) {
    }

    public static DeliveryStatistics none(UUID incidentId) {
        return new DeliveryStatistics(incidentId, 0, 0, 0, 0, Map.of(), null, null);
    }
}
