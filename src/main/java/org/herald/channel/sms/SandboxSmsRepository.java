package org.herald.channel.sms;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The sandbox SMS outbox. */
@ApplicationScoped
public class SandboxSmsRepository implements PanacheRepositoryBase<SandboxSms, UUID> {

    /**
     * Records an SMS once per idempotency key: a replayed attempt finds the first record, as a
     * provider that deduplicates would. Safe when two workers race on the same key.
     */
    SandboxSms recordOnce(UUID id, String idempotencyKey, String correlation, String recipient, String body,
            SmsSegments segments, Instant at) {
        getEntityManager().createNativeQuery("""
                INSERT INTO sandbox_sms (id, idempotency_key, correlation, recipient, body, body_length, encoding, segments, recorded_at)
                VALUES (:id, :key, :correlation, :recipient, :body, :length, :encoding, :segments, :at)
                ON CONFLICT (idempotency_key) DO NOTHING
                """)
                .setParameter("id", id)
                .setParameter("key", idempotencyKey)
                .setParameter("correlation", correlation)
                .setParameter("recipient", recipient)
                .setParameter("body", body)
                .setParameter("length", body.length())
                .setParameter("encoding", segments.encoding().name())
                .setParameter("segments", segments.segments())
                .setParameter("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .executeUpdate();
        return byIdempotencyKey(idempotencyKey).orElseThrow();
    }

    public Optional<SandboxSms> byIdempotencyKey(String idempotencyKey) {
        return find("idempotencyKey", idempotencyKey).firstResultOptional();
    }

    /** Newest first, for the console. */
    public List<SandboxSms> newest(int page, int size) {
        return findAll(Sort.descending("recordedAt").and("id")).page(Page.of(page, size)).list();
    }
}
