package org.herald.channel.email.bounce;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Optional;
import org.herald.channel.DeliveryOutcome;
import org.herald.channel.IdempotencyKey;
import org.herald.channel.ProviderFeedback;
import org.jboss.logging.Logger;

/**
 * Turns a delivery status notification into provider feedback for the attempt named by the
 * Message-ID it reports on ({@code <key@domain>}): a hard bounce (failed, 5.x.x) is PERMANENT, a
 * soft one (delayed, or failed 4.x.x) RETRYABLE, a success report DELIVERED. Each report is
 * recorded once in {@code email_bounce}: the same DSN read twice (mailbox and webhook, or a
 * poll that died before flagging it) is no news.
 */
@ApplicationScoped
public class Bounces {

    static final String PROVIDER = "smtp";

    private static final Logger LOG = Logger.getLogger(Bounces.class);

    private final EntityManager em;
    private final Event<ProviderFeedback> feedback;
    private final Clock clock;

    Bounces(EntityManager em, Event<ProviderFeedback> feedback, Clock clock) {
        this.em = em;
        this.feedback = feedback;
        this.clock = clock;
    }

    /** The attempt a Message-ID names, if Herald wrote it. */
    static Optional<IdempotencyKey> keyOf(String messageId) {
        String id = messageId.trim();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1);
        }
        int at = id.indexOf('@');
        try {
            return Optional.of(IdempotencyKey.parse(at < 0 ? id : id.substring(0, at)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The outcome a report stands for: the worst recipient status wins (one recipient per Herald message). */
    static Optional<DeliveryOutcome> outcome(DeliveryStatusNotification dsn) {
        return dsn.recipients().stream()
                .map(r -> {
                    String code = "dsn " + r.status();
                    if (r.hard()) {
                        return DeliveryOutcome.permanent(PROVIDER, code, "the recipient's mail server returned the message (hard bounce)")
                                .withReference(dsn.originalMessageId());
                    }
                    if (r.soft()) {
                        return DeliveryOutcome.retryable(PROVIDER, code, "delivery is delayed or failed for now (soft bounce)", null)
                                .withReference(dsn.originalMessageId());
                    }
                    if (r.delivered()) {
                        return DeliveryOutcome.delivered(PROVIDER, dsn.originalMessageId(), code,
                                "the recipient's mail server reported delivery");
                    }
                    return null;
                })
                .filter(java.util.Objects::nonNull)
                .max(Comparator.comparingInt(Bounces::severity));
    }

    private static int severity(DeliveryOutcome o) {
        return switch (o.kind()) {
            case PERMANENT, OPTED_OUT -> 3;
            case RETRYABLE -> 2;
            default -> 1;
        };
    }

    /**
     * Records a DSN and publishes it as feedback, unless it is not about a Herald message or was
     * seen before.
     *
     * @return the feedback published, or empty
     */
    @Transactional
    public Optional<ProviderFeedback> receive(DeliveryStatusNotification dsn) {
        Optional<IdempotencyKey> key = keyOf(dsn.originalMessageId());
        Optional<DeliveryOutcome> outcome = outcome(dsn);
        if (key.isEmpty() || outcome.isEmpty()) {
            LOG.debug("delivery status notification about a message Herald did not send, or with no final status");
            return Optional.empty();
        }
        boolean news = !em.createNativeQuery("""
                INSERT INTO email_bounce (message_id, idempotency_key, kind, status, received_at)
                VALUES (:messageId, :key, :kind, :status, :at)
                ON CONFLICT (message_id, kind, status) DO NOTHING
                RETURNING message_id
                """)
                .setParameter("messageId", dsn.originalMessageId())
                .setParameter("key", key.get().value())
                .setParameter("kind", outcome.get().kind().name())
                .setParameter("status", outcome.get().providerCode())
                .setParameter("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .getResultList().isEmpty();
        if (!news) {
            return Optional.empty();
        }
        ProviderFeedback published = new ProviderFeedback(key.get(), key.get().value(), dsn.originalMessageId(), outcome.get());
        feedback.fire(published);
        LOG.infof("bounce for %s: %s %s", key.get(), outcome.get().kind(), outcome.get().providerCode());
        return Optional.of(published);
    }
}
