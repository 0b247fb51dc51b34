package org.herald.channel.voice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Pattern;
import org.herald.channel.Channel;
import org.herald.channel.ChannelSender;
import org.herald.channel.DeliveryOutcome;
import org.herald.channel.OutgoingMessage;

/** The embedded default for calls: the TwiML that would have been read out is recorded in {@code sandbox_voice}. */
@ApplicationScoped
public class SandboxVoiceSender implements ChannelSender {

    static final String PROVIDER = "sandbox";
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    private final EntityManager em;
    private final VoiceConfig config;
    private final Clock clock;

    SandboxVoiceSender(EntityManager em, VoiceConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.VOICE;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public DeliveryOutcome send(OutgoingMessage m) {
        if (!E164.matcher(m.recipient()).matches()) {
            return DeliveryOutcome.permanent(PROVIDER, "not-e164", "the number is not in E.164 form");
        }
        String voice = Twiml.voiceFor(m.locale(), config);
        em.createNativeQuery("""
                INSERT INTO sandbox_voice (id, idempotency_key, correlation, recipient, language, voice, spoken_text, twiml, recorded_at)
                VALUES (:id, :key, :correlation, :recipient, :language, :voice, :text, :twiml, :at)
                ON CONFLICT (idempotency_key) DO NOTHING
                """)
                .setParameter("id", UUID.randomUUID())
                .setParameter("key", m.idempotencyKey().value())
                .setParameter("correlation", m.correlation())
                .setParameter("recipient", m.recipient())
                .setParameter("language", m.locale().toLanguageTag())
                .setParameter("voice", voice)
                .setParameter("text", m.textBody())
                .setParameter("twiml", Twiml.say(m.textBody(), m.locale(), voice, config.repeat()))
                .setParameter("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .executeUpdate();
        Object id = em.createNativeQuery("SELECT id FROM sandbox_voice WHERE idempotency_key = :key")
                .setParameter("key", m.idempotencyKey().value()).getSingleResult();
        return DeliveryOutcome.delivered(PROVIDER, "sandbox-voice-" + id, "recorded", "recorded in the sandbox call log");
    }
}
