package org.herald.audit;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Appends entries to the hash-chained audit log inside the caller's transaction, so a state
 * change and its audit entry commit or roll back together.
 */
@ApplicationScoped
public class AuditLog {

    /** Serialises appenders across every Herald replica: the chain has exactly one head. */
    private static final long CHAIN_LOCK = 0x4845_5241_4c44L;

    private final EntityManager em;
    private final Clock clock;
    private final Instance<CurrentIdentityAssociation> identity;

    AuditLog(EntityManager em, Clock clock, Instance<CurrentIdentityAssociation> identity) {
        this.em = em;
        this.clock = clock;
        this.identity = identity;
    }

    /**
     * Records one change.
     *
     * @param summary before/after values worth keeping; must hold no contact data (masked values only)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry record(String entityType, Object entityId, String action, Map<String, ?> summary) {
        return recordAs(currentActor(), entityType, entityId, action, summary);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry recordAs(String actor, String entityType, Object entityId, String action, Map<String, ?> summary) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(" + CHAIN_LOCK + ")").getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> head = em.createNativeQuery("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1")
                .getResultList();
        long seq = head.isEmpty() ? 1 : ((Number) head.get(0)[0]).longValue() + 1;
        String prev = head.isEmpty() ? AuditHashing.GENESIS : head.get(0)[1].toString();
        // PostgreSQL keeps microseconds: hash exactly what will be read back.
        Instant at = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        String summaryJson = AuditHashing.canonicalJson(summary == null ? Map.of() : summary);
        String id = String.valueOf(entityId);
        String hash = AuditHashing.hash(prev, seq, at, actor, entityType, id, action, summaryJson);
        AuditEntry entry = new AuditEntry(seq, at, actor, entityType, id, action, summaryJson, prev, hash);
        em.persist(entry);
        return entry;
    }

    private String currentActor() {
        if (identity.isResolvable()) {
            try {
                SecurityIdentity id = identity.get().getIdentity();
                if (id != null && !id.isAnonymous()) {
                    return id.getPrincipal().getName();
                }
            } catch (RuntimeException outsideRequest) {
                // Scheduled jobs have no request: the system acts.
            }
        }
        return "system";
    }
}
