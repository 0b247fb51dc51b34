package org.herald.channel;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a provider said about one attempt, in Herald's closed vocabulary. Adapters translate every
 * provider answer into one of these; the notice engine decides retries and fallback from the kind
 * alone and records the rest as evidence.
 *
 * @param kind the closed vocabulary
 * @param provider the provider that answered, e.g. {@code smtp}, {@code twilio}, {@code sandbox}
 * @param providerReference the provider's id for the message (SMTP Message-ID, Twilio message SID),
 *     when it gave one
 * @param providerCode the provider's own code (SMTP reply code, Twilio error code or message status),
 *     kept so that a policy can look closer, e.g. Twilio 30003
 * @param reason a sentence for people; never holds an address, a name or message text
 * @param retryAfter how long the provider asked us to wait, when it said so
 * @param retryLimit for RETRYABLE outcomes that are worth only a few more tries (Twilio 30003: one),
 *     the number of further attempts the adapter advises; {@code null} leaves it to the policy
 */
public record DeliveryOutcome(
        Kind kind,
        String provider,
        String providerReference,
        String providerCode,
        String reason,
        Duration retryAfter,
        Integer retryLimit) {

    /** The closed vocabulary of delivery outcomes (DESIGN.md §7). */
    public enum Kind {
        /** The provider confirmed the message reached the recipient (or, in sandbox mode, the outbox). */
        DELIVERED,
        /** The provider took the message; its final status may follow as {@link ProviderFeedback}. */
        ACCEPTED,
        /**
         * Herald holds the message for a hand-over to the provider that has not happened yet (a letter
         * waiting for its print batch); the hand-over follows as {@link ProviderFeedback} (ACCEPTED),
         * and a message that cannot be delivered as PERMANENT feedback.
         */
        HELD,
        /** Not sent this time; the same channel may be tried again after a backoff. */
        RETRYABLE,
        /** This address cannot be reached on this channel; move to the next channel in the chain. */
        PERMANENT,
        /** The recipient asked this channel not to send to them (e.g. replied STOP); never retry it. */
        OPTED_OUT
    }

    public DeliveryOutcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(reason, "reason");
        if (retryAfter != null && retryAfter.isNegative()) {
            retryAfter = Duration.ZERO;
        }
    }

    public static DeliveryOutcome delivered(String provider, String reference, String code, String reason) {
        return new DeliveryOutcome(Kind.DELIVERED, provider, reference, code, reason, null, null);
    }

    public static DeliveryOutcome accepted(String provider, String reference, String code, String reason) {
        return new DeliveryOutcome(Kind.ACCEPTED, provider, reference, code, reason, null, null);
    }

    /** Kept by Herald until a later hand-over to the provider, reported as ACCEPTED feedback. */
    public static DeliveryOutcome held(String provider, String reference, String code, String reason) {
        return new DeliveryOutcome(Kind.HELD, provider, reference, code, reason, null, null);
    }

    public static DeliveryOutcome retryable(String provider, String code, String reason, Duration retryAfter) {
        return new DeliveryOutcome(Kind.RETRYABLE, provider, null, code, reason, retryAfter, null);
    }

    public static DeliveryOutcome permanent(String provider, String code, String reason) {
        return new DeliveryOutcome(Kind.PERMANENT, provider, null, code, reason, null, null);
    }

    public static DeliveryOutcome optedOut(String provider, String code, String reason) {
        return new DeliveryOutcome(Kind.OPTED_OUT, provider, null, code, reason, null, null);
    }

    /** The same outcome, tied to the provider's message id. */
    public DeliveryOutcome withReference(String reference) {
        return new DeliveryOutcome(kind, provider, reference, providerCode, reason, retryAfter, retryLimit);
    }

    /** The same outcome, advising at most {@code limit} further attempts on this channel. */
    public DeliveryOutcome withRetryLimit(int limit) {
        return new DeliveryOutcome(kind, provider, providerReference, providerCode, reason, retryAfter, limit);
    }

    public Optional<Duration> retryAfterIfAny() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * The provider has the message (or delivered it): nothing left to do on this channel but wait.
     * A HELD message has not reached the provider yet.
     */
    public boolean reachedProvider() {
        return kind == Kind.DELIVERED || kind == Kind.ACCEPTED;
    }
}
