package org.herald.channel.voice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.herald.channel.DeliveryOutcome;
import org.herald.channel.IdempotencyKey;
import org.herald.channel.ProviderFeedback;
import org.herald.channel.twilio.TwilioCallback;

/**
 * Takes Twilio's call status callbacks: believed only with a valid {@code X-Twilio-Signature},
 * the first final status of a call is kept in {@code twilio_call_status} and published as
 * {@link ProviderFeedback}; repeats are not news.
 */
@ApplicationScoped
public class TwilioVoiceCallbacks {

    public static final String KEY_PARAM = "key";
    public static final String CORRELATION_PARAM = "correlation";

    private final VoiceConfig config;
    private final EntityManager em;
    private final Event<ProviderFeedback> feedback;
    private final Clock clock;

    TwilioVoiceCallbacks(VoiceConfig config, EntityManager em, Event<ProviderFeedback> feedback, Clock clock) {
        this.config = config;
        this.em = em;
        this.feedback = feedback;
        this.clock = clock;
    }

    @Transactional
    public Optional<ProviderFeedback> receive(String signature, Map<String, String> query, String rawQuery,
            Map<String, String> form) {
        IdempotencyKey key = TwilioCallback.verify(config.twilio().authToken(), config.twilio().statusCallbackUrl(),
                signature, rawQuery, form, KEY_PARAM, query);
        String sid = TwilioCallback.sid(form, "CallSid");
        Optional<DeliveryOutcome> outcome = TwilioCallStatus.outcome(form.get("CallStatus"), form.get("AnsweredBy"),
                form.get("CallDuration"), form.get("ErrorCode"), sid, config.retryLimitWhenUnanswered());
        if (outcome.isEmpty()) {
            return Optional.empty();
        }
        boolean first = !em.createNativeQuery("""
                INSERT INTO twilio_call_status (call_sid, idempotency_key, status, answered_by, error_code, updated_at)
                VALUES (:sid, :key, :status, :answeredBy, :error, :at)
                ON CONFLICT (call_sid) DO NOTHING
                RETURNING call_sid
                """)
                .setParameter("sid", sid)
                .setParameter("key", key.value())
                .setParameter("status", form.get("CallStatus"))
                .setParameter("answeredBy", form.get("AnsweredBy"))
                .setParameter("error", form.get("ErrorCode"))
                .setParameter("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .getResultList().isEmpty();
        if (!first) {
            return Optional.empty();
        }
        String correlation = Optional.ofNullable(query.get(CORRELATION_PARAM)).orElse(key.value());
        ProviderFeedback news = new ProviderFeedback(key, correlation, sid, outcome.get());
        feedback.fire(news);
        return Optional.of(news);
    }

    /** As for SMS: the configured public URL plus the query as received, then the sorted form. */
}
