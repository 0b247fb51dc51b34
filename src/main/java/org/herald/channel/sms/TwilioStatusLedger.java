package org.herald.channel.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The worst status seen per Twilio message, in the {@code twilio_message_status} table. Kept in
 * the database, not in memory, because Twilio's callbacks for one message may reach different
 * Herald replicas; one conditional upsert makes "only a worse status wins" hold across all of them.
 */
@ApplicationScoped
class TwilioStatusLedger {

    private final EntityManager em;

    TwilioStatusLedger(EntityManager em) {
        this.em = em;
    }

    /**
     * Records a status unless one at least as bad is already known for this message.
     *
     * @return whether the status was recorded (and so is news)
     */
    boolean advance(String messageSid, String idempotencyKey, TwilioMessageStatus status, String errorCode, Instant at) {
        return !em.createNativeQuery("""
                INSERT INTO twilio_message_status (message_sid, idempotency_key, status, status_rank, error_code, updated_at)
                VALUES (:sid, :key, :status, :rank, :error, :at)
                ON CONFLICT (message_sid) DO UPDATE
                   SET status = EXCLUDED.status, status_rank = EXCLUDED.status_rank,
                       error_code = EXCLUDED.error_code, updated_at = EXCLUDED.updated_at
                 WHERE twilio_message_status.status_rank < EXCLUDED.status_rank
                RETURNING message_sid
                """)
                .setParameter("sid", messageSid)
                .setParameter("key", idempotencyKey)
                .setParameter("status", status.wireName())
                .setParameter("rank", status.rank)
                .setParameter("error", errorCode)
                .setParameter("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .getResultList().isEmpty();
    }

    /** The status currently recorded for a message, if any callback came for it. */
    Optional<String> statusOf(String messageSid) {
        return em.createNativeQuery("SELECT status FROM twilio_message_status WHERE message_sid = :sid", String.class)
                .setParameter("sid", messageSid)
                .getResultStream().findFirst();
    }
}
