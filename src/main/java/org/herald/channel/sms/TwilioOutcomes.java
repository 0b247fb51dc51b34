package org.herald.channel.sms;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.herald.channel.DeliveryOutcome;

/**
 * Names Twilio's answers in the closed outcome vocabulary, for API errors and for the error codes
 * in status callbacks alike (docs/channels.md has the table with the reasons).
 */
final class TwilioOutcomes {

    static final String PROVIDER = "twilio";

    /** Provider code of a failure after which Twilio may or may not have created the message. */
    static final String UNCONFIRMED = "unconfirmed";

    /** Error code for "unreachable destination handset": the phone is off or out of coverage. */
    static final int UNREACHABLE = 30003;

    /**
     * Twilio error codes that say something about the recipient, with their outcome. Codes not
     * listed here fall back to the HTTP status (API answers) or to PERMANENT (delivery failures).
     */
    private static final Map<Integer, DeliveryOutcome> BY_CODE = Map.ofEntries(
            // The number is not a valid phone number: no retry can fix the address.
            Map.entry(21211, DeliveryOutcome.permanent(PROVIDER, "21211", "the number is not a valid phone number")),
            // A landline or other number that cannot receive SMS: try the next channel.
            Map.entry(21614, DeliveryOutcome.permanent(PROVIDER, "21614", "the number cannot receive SMS")),
            // The recipient replied STOP to this sender; carriers forbid sending until they reply START.
            Map.entry(21610, DeliveryOutcome.optedOut(PROVIDER, "21610", "the recipient unsubscribed from this sender (STOP)")),
            // Handset off or out of coverage: a later try may reach it, but one is enough before falling back.
            Map.entry(UNREACHABLE, DeliveryOutcome.retryable(PROVIDER, "30003",
                    "the handset is unreachable (switched off or out of coverage)", null).withRetryLimit(1)),
            Map.entry(30004, DeliveryOutcome.permanent(PROVIDER, "30004", "the carrier or recipient blocks messages from this sender")),
            Map.entry(30005, DeliveryOutcome.permanent(PROVIDER, "30005", "the number is unknown or no longer in service")),
            Map.entry(30006, DeliveryOutcome.permanent(PROVIDER, "30006", "the number is a landline or its carrier cannot deliver SMS")),
            Map.entry(30007, DeliveryOutcome.permanent(PROVIDER, "30007", "the carrier filtered the message")),
            // Twilio's "unknown error": nothing says the number is bad.
            Map.entry(30008, DeliveryOutcome.retryable(PROVIDER, "30008", "delivery failed for an unknown reason", null)),
            // Twilio's own "too many requests" code.
            Map.entry(20429, DeliveryOutcome.retryable(PROVIDER, "20429", "Twilio asked Herald to slow down", null)));

    private TwilioOutcomes() {
    }

    /**
     * Classifies a failed {@code Messages.create}: by Twilio's error code when it names the
     * recipient's situation, else by HTTP status.
     *
     * @param exchange status and Retry-After of Twilio's answer, empty when none came back
     */
    static DeliveryOutcome classify(TwilioException failure, Optional<TwilioHttpClient.Exchange> exchange, Clock clock) {
        if (exchange.isEmpty() || !(failure instanceof ApiException e)) {
            // No answer came back: nothing says the number is bad. Only a refused or unresolvable
            // connection proves the request never reached Twilio.
            if (causedBy(failure, ConnectException.class) || causedBy(failure, UnknownHostException.class)) {
                return DeliveryOutcome.retryable(PROVIDER, "connect", "Twilio could not be reached", null);
            }
            return DeliveryOutcome.retryable(PROVIDER, UNCONFIRMED,
                    "Twilio may have the message: its answer never arrived", null);
        }
        int status = e.getStatusCode() != null ? e.getStatusCode() : exchange.get().status();
        Duration retryAfter = exchange.get().retryAfter().flatMap(v -> retryAfter(v, clock)).orElse(null);
        if (status >= 200 && status < 300) {
            // Twilio created the message but its answer could not be read: sending again would
            // text the person twice, so this counts as accepted without a reference.
            return DeliveryOutcome.accepted(PROVIDER, null, String.valueOf(status),
                    "Twilio accepted the message but its answer could not be read");
        }
        if (e.getCode() != null && BY_CODE.containsKey(e.getCode())) {
            DeliveryOutcome known = BY_CODE.get(e.getCode());
            return retryAfter == null ? known : new DeliveryOutcome(known.kind(), known.provider(), null,
                    known.providerCode(), known.reason(), retryAfter, known.retryLimit());
        }
        String code = e.getCode() != null ? String.valueOf(e.getCode()) : "http-" + status;
        if (status == 429) {
            return DeliveryOutcome.retryable(PROVIDER, code, "Twilio asked Herald to slow down", retryAfter);
        }
        if (status >= 500) {
            return DeliveryOutcome.retryable(PROVIDER, code, "Twilio had a temporary failure", retryAfter);
        }
        if (status == 401 || status == 403) {
            // Herald's credentials, not the recipient: retry until an operator fixes them.
            return DeliveryOutcome.retryable(PROVIDER, code, "Twilio refused Herald's credentials", retryAfter);
        }
        if (status >= 400) {
            return DeliveryOutcome.permanent(PROVIDER, code, "Twilio refused to send this message");
        }
        return DeliveryOutcome.retryable(PROVIDER, code, "Twilio answered unexpectedly", retryAfter);
    }

    /**
     * Outcome of a delivery failure reported by a status callback ({@code undelivered}/{@code failed}
     * with an {@code ErrorCode}). Unknown codes count as permanent: Twilio has already given up.
     */
    static DeliveryOutcome deliveryFailure(String errorCode) {
        Integer code = parse(errorCode);
        if (code != null && BY_CODE.containsKey(code)) {
            return BY_CODE.get(code);
        }
        return DeliveryOutcome.permanent(PROVIDER, errorCode == null || errorCode.isBlank() ? "undelivered" : errorCode,
                "Twilio could not deliver the message");
    }

    /** RFC 9110 §10.2.3: seconds, or an HTTP date. */
    static Optional<Duration> retryAfter(String value, Clock clock) {
        String v = value.trim();
        if (v.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT));
            Duration d = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Integer parse(String code) {
        if (code == null || !code.trim().matches("\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(code.trim());
    }
}
