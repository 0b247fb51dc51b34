package org.herald.channel.voice;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.herald.channel.DeliveryOutcome;

/**
 * Twilio's final call statuses, as Herald reads them: only a call that was answered (by a
 * person, as far as Twilio can tell) delivered the notice.
 */
final class TwilioCallStatus {

    static final String PROVIDER = "twilio";

    /** Twilio error codes of a failed call that say the number itself is wrong. */
    private static final Set<String> BAD_NUMBER = Set.of("13223", "13224", "13225", "13226", "21211", "21215", "21217");

    private TwilioCallStatus() {
    }

    /**
     * @param status {@code CallStatus}
     * @param answeredBy {@code AnsweredBy} when answering-machine detection ran, else null
     * @param duration {@code CallDuration} in seconds, when given
     * @param errorCode {@code ErrorCode} of a failed call, when given
     * @return the outcome, or empty for a status that is not final
     */
    static Optional<DeliveryOutcome> outcome(String status, String answeredBy, String duration, String errorCode,
            String callSid, int retryLimit) {
        String s = status == null ? "" : status.trim().toLowerCase(Locale.ROOT);
        DeliveryOutcome outcome = switch (s) {
            case "completed" -> completed(answeredBy, duration, retryLimit);
            case "busy" -> DeliveryOutcome.retryable(PROVIDER, "busy", "the line was busy", null).withRetryLimit(retryLimit);
            case "no-answer" -> DeliveryOutcome.retryable(PROVIDER, "no-answer", "nobody answered", null).withRetryLimit(retryLimit);
            case "canceled" -> DeliveryOutcome.retryable(PROVIDER, "canceled", "the call was canceled before it was answered", null)
                    .withRetryLimit(retryLimit);
            case "failed" -> errorCode != null && BAD_NUMBER.contains(errorCode.trim())
                    ? DeliveryOutcome.permanent(PROVIDER, errorCode.trim(), "the number cannot be called")
                    : DeliveryOutcome.retryable(PROVIDER, errorCode == null ? "failed" : errorCode.trim(),
                            "the call could not be connected", null).withRetryLimit(retryLimit);
            default -> null;
        };
        return Optional.ofNullable(outcome).map(o -> o.withReference(callSid));
    }

    private static DeliveryOutcome completed(String answeredBy, String duration, int retryLimit) {
        String by = answeredBy == null ? "" : answeredBy.trim().toLowerCase(Locale.ROOT);
        if (by.startsWith("machine") || by.equals("fax")) {
            return DeliveryOutcome.retryable(PROVIDER, "answered-by-" + by, "an answering machine took the call", null)
                    .withRetryLimit(retryLimit);
        }
        if ("0".equals(duration == null ? null : duration.trim())) {
            return DeliveryOutcome.retryable(PROVIDER, "completed-unanswered", "the call ended without being answered", null)
                    .withRetryLimit(retryLimit);
        }
        return DeliveryOutcome.delivered(PROVIDER, null, "completed", "the call was answered and the notice read out");
    }
}
