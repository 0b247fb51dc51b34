package org.herald.channel.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.herald.channel.DeliveryOutcome;
import org.herald.channel.IdempotencyKey;
import org.herald.channel.ProviderFeedback;
import org.herald.channel.twilio.TwilioCallback;
import org.jboss.logging.Logger;

/**
 * Takes Twilio's status callbacks: believes them only with a valid {@code X-Twilio-Signature},
 * keeps the worst status per message, and publishes each change as {@link ProviderFeedback}.
 */
@ApplicationScoped
public class TwilioStatusCallbacks {

    /** Query parameter of the status-callback URL that carries the attempt's idempotency key. */
    public static final String KEY_PARAM = "key";
    /** Query parameter carrying the message's correlation when it differs from the key. */
    public static final String CORRELATION_PARAM = "correlation";

    private static final Logger LOG = Logger.getLogger(TwilioStatusCallbacks.class);

    private final SmsConfig.Twilio config;
    private final TwilioStatusLedger ledger;
    private final Event<ProviderFeedback> feedback;
    private final Clock clock;

    TwilioStatusCallbacks(SmsConfig config, TwilioStatusLedger ledger, Event<ProviderFeedback> feedback, Clock clock) {
        this.config = config.twilio();
        this.ledger = ledger;
        this.feedback = feedback;
        this.clock = clock;
    }

    /**
     * @param signature the {@code X-Twilio-Signature} header
     * @param query the query parameters of the callback URL (decoded)
     * @param rawQuery the query string exactly as received, which Twilio signed
     * @param form the form parameters Twilio posted (decoded)
     * @return the feedback published, or empty when the callback brought no news
     * @throws org.herald.shared.problem.ProblemException 403 when the signature is missing or wrong
     */
    @Transactional
    public Optional<ProviderFeedback> receive(String signature, Map<String, String> query, String rawQuery,
            Map<String, String> form) {
        IdempotencyKey key = TwilioCallback.verify(config.authToken(), config.statusCallbackUrl(), signature, rawQuery,
                form, KEY_PARAM, query);
        String sid = TwilioCallback.sid(form, "MessageSid");
        Optional<TwilioMessageStatus> status = TwilioMessageStatus.parse(form.get("MessageStatus"));
        if (status.isEmpty()) {
            LOG.debugf("Twilio status callback for %s with a status Herald does not track", key);
            return Optional.empty();
        }
        String errorCode = blankToNull(form.get("ErrorCode"));
        if (!ledger.advance(sid, key.value(), status.get(), errorCode, clock.instant())) {
            return Optional.empty();
        }
        DeliveryOutcome outcome = status.get().outcome(sid, errorCode);
        String correlation = Optional.ofNullable(query.get(CORRELATION_PARAM)).orElse(key.value());
        ProviderFeedback news = new ProviderFeedback(key, correlation, sid, outcome);
        feedback.fire(news);
        return Optional.of(news);
    }

    /**
     * Twilio signs the URL it called (our configured public URL plus the query string) followed by
     * the sorted form parameters, with HMAC-SHA1 under the auth token. The configured URL is used,
     * not the one this request arrived on: behind an ingress the two differ.
     */
    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
