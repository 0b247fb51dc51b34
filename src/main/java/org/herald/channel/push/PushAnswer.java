package org.herald.channel.push;

import org.herald.channel.DeliveryOutcome;

/**
 * A push service's answer: the outcome, and whether it says the registration itself is gone
 * (unregistered, expired or never valid), which is published as provider feedback.
 */
record PushAnswer(DeliveryOutcome outcome, boolean registrationGone) {

    static PushAnswer of(DeliveryOutcome outcome) {
        return new PushAnswer(outcome, false);
    }

    static PushAnswer gone(String platform, String code, String reason) {
        return new PushAnswer(PushOutcomes.registrationGone(platform, code, reason), true);
    }
}
