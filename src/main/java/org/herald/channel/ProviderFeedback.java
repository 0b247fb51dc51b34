package org.herald.channel;

import java.util.Objects;

/**
 * A later word from a provider about an attempt it had accepted (a status callback, a bounce),
 * published as a CDI event for the notice engine. Fired inside the transaction that recorded it,
 * so an observer's own writes commit or roll back together with it.
 *
 * @param idempotencyKey the attempt it is about, as it travelled to the provider
 * @param correlation the {@link OutgoingMessage#correlation()} that was sent with it
 * @param providerReference the provider's id for the message (e.g. Twilio message SID)
 * @param outcome the new outcome; for multi-part messages the worst seen so far
 */
public record ProviderFeedback(IdempotencyKey idempotencyKey, String correlation, String providerReference,
        DeliveryOutcome outcome) {

    public ProviderFeedback {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(outcome, "outcome");
    }
}
