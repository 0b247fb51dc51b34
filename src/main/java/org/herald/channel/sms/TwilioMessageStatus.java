package org.herald.channel.sms;

import java.util.Locale;
import java.util.Optional;
import org.herald.channel.DeliveryOutcome;

/**
 * Twilio's message statuses ({@code MessageStatus} in a status callback), ordered by how bad they
 * are. A message split into segments may report several; Herald keeps the worst, and a status
 * that arrives late (sent after delivered) never overrides a worse or later one.
 */
enum TwilioMessageStatus {
    ACCEPTED(1), SCHEDULED(1), QUEUED(1), SENDING(1),
    SENT(2),
    DELIVERED(3), READ(3),
    PARTIALLY_DELIVERED(4), UNDELIVERED(4),
    FAILED(5), CANCELED(5);

    /** Higher is worse (or later); a callback only counts when it raises the rank. */
    final int rank;

    TwilioMessageStatus(int rank) {
        this.rank = rank;
    }

    /** Statuses of outbound messages; inbound ones ({@code receiving}, {@code received}) are not ours. */
    static Optional<TwilioMessageStatus> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    DeliveryOutcome outcome(String messageSid, String errorCode) {
        DeliveryOutcome outcome = switch (this) {
            case ACCEPTED, SCHEDULED, QUEUED, SENDING, SENT ->
                    DeliveryOutcome.accepted(TwilioOutcomes.PROVIDER, messageSid, wireName(), "Twilio is delivering the message");
            case DELIVERED, READ ->
                    DeliveryOutcome.delivered(TwilioOutcomes.PROVIDER, messageSid, wireName(), "the carrier confirmed delivery");
            case PARTIALLY_DELIVERED ->
                    DeliveryOutcome.permanent(TwilioOutcomes.PROVIDER, wireName(), "only part of the message reached the handset");
            case CANCELED ->
                    DeliveryOutcome.permanent(TwilioOutcomes.PROVIDER, wireName(), "the message was canceled before it was sent");
            case UNDELIVERED, FAILED -> TwilioOutcomes.deliveryFailure(errorCode);
        };
        return outcome.withReference(messageSid);
    }
}
