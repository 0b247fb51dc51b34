package org.herald.channel;

/**
 * Sends one message through one provider and says what happened, in the closed vocabulary of
 * {@link DeliveryOutcome}. Implementations never throw for a provider's refusal or an unreachable
 * provider: those are outcomes. They must be safe to call from several threads at once.
 */
public interface ChannelSender {

    Channel channel();

    /**
     * The provider's name as configuration spells it ({@code herald.<channel>.mode}), e.g.
     * {@code smtp}, {@code twilio}, {@code sandbox}.
     */
    String provider();

    DeliveryOutcome send(OutgoingMessage message);
}
