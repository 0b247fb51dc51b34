package org.herald.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One append-only fact in Herald's audit log. Its {@code hash} covers the previous entry's hash
 * and a canonical serialisation of its own fields, so any edit or deletion breaks the chain.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    private long seq;
    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;
    @Column(nullable = false)
    private String actor;
    @Column(name = "entity_type", nullable = false)
    private String entityType;
    @Column(name = "entity_id", nullable = false)
    private String entityId;
    @Column(nullable = false)
    private String action;
    /** Canonical JSON of the before/after summary; never raw contact data. */
    @Column(nullable = false)
    private String summary;
    @Column(name = "prev_hash", nullable = false)
    private String prevHash;
    @Column(nullable = false)
    private String hash;

    protected AuditEntry() {
    }

    AuditEntry(long seq, Instant occurredAt, String actor, String entityType, String entityId, String action,
            String summary, String prevHash, String hash) {
        this.seq = seq;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.entityType = entityType;
        this.entityId = entityId;
        this.action = action;
        this.summary = summary;
        this.prevHash = prevHash;
        this.hash = hash;
    }

    public long seq() {
        return seq;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String entityType() {
        return entityType;
    }

    public String entityId() {
        return entityId;
    }

    public String action() {
        return action;
    }

    public String summary() {
        return summary;
    }

    public String prevHash() {
        return prevHash;
    }

    public String hash() {
        return hash;
    }

    @Override
    public String toString() {
        return "AuditEntry[" + seq + " " + entityType + "/" + entityId + " " + action + "]";
    }
}
