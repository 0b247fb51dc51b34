package org.herald.channel.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.herald.channel.Channel;
import org.herald.channel.ChannelSender;
import org.herald.channel.DeliveryOutcome;
import org.herald.channel.OutgoingMessage;
import org.herald.channel.PushAddress;

/**
 * The embedded default for push: each notification is recorded in {@code sandbox_push}, with
 * the payload size it would have had, instead of being sent. One row per idempotency key.
 */
@ApplicationScoped
public class SandboxPushSender implements ChannelSender {

    static final String PROVIDER = "sandbox";

    private final EntityManager em;
    private final Clock clock;

    SandboxPushSender(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.PUSH;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    /** In its own transaction, like a real provider: what it recorded stays recorded. */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public DeliveryOutcome send(OutgoingMessage m) {
        PushAddress to;
        try {
            to = PushAddress.parse(m.recipient());
        } catch (IllegalArgumentException e) {
            return DeliveryOutcome.permanent(PROVIDER, "bad-address", "the push address is not <platform>:<token>");
        }
        PushContent.Fitted fitted;
        try {
            fitted = new PushContent(m.subject() == null ? "" : m.subject(), m.textBody(), m.link())
                    .shortened(PushContent.LIMIT_BYTES, c -> WebPushClient.payload(m.idempotencyKey(), c));
        } catch (IllegalArgumentException e) {
            return DeliveryOutcome.permanent(PROVIDER, "payload-too-large", e.getMessage());
        }
        PushContent content = fitted.content();
        em.createNativeQuery("""
                INSERT INTO sandbox_push (id, idempotency_key, correlation, platform, token, title, body, link, payload_bytes, recorded_at)
                VALUES (:id, :key, :correlation, :platform, :token, :title, :body, :link, :bytes, :at)
                ON CONFLICT (idempotency_key) DO NOTHING
                """)
                .setParameter("id", UUID.randomUUID())
                .setParameter("key", m.idempotencyKey().value())
                .setParameter("correlation", m.correlation())
                .setParameter("platform", to.platform().name())
                .setParameter("token", to.token())
                .setParameter("title", content.title())
                .setParameter("body", content.text())
                .setParameter("link", content.link())
                .setParameter("bytes", fitted.encoded().length)
                .setParameter("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .executeUpdate();
        Object id = em.createNativeQuery("SELECT id FROM sandbox_push WHERE idempotency_key = :key")
                .setParameter("key", m.idempotencyKey().value()).getSingleResult();
        return DeliveryOutcome.delivered(PROVIDER, "sandbox-push-" + id, to.platform().name(),
                "recorded in the sandbox push outbox");
    }
}
