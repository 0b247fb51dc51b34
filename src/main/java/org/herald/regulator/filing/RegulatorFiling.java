package org.herald.regulator.filing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A regulator report as filed: which version, by whom, when, against which obligation, the
 * authority's reference number, and the report's field values at that moment.
 */
@Entity
@Table(name = "regulator_filing")
public class RegulatorFiling {

    @Id
    private UUID id;
    @Column(name = "incident_id", nullable = false)
    private UUID incidentId;
    @Column(name = "obligation_id")
    private UUID obligationId;
    @Column(nullable = false)
    private String authority;
    @Column(nullable = false)
    private String phase;
    @Column(nullable = false)
    private int version;
    @Column(name = "filed_by", nullable = false)
    private String filedBy;
    @Column(name = "filed_at", nullable = false)
    private Instant filedAt;
    @Column(name = "authority_reference")
    private String authorityReference;
    @Column(nullable = false)
    private String snapshot;

    protected RegulatorFiling() {
    }

    public RegulatorFiling(UUID id, UUID incidentId, UUID obligationId, String authority, String phase, int version,
            String filedBy, Instant filedAt, String authorityReference, String snapshot) {
        this.id = id;
        this.incidentId = incidentId;
        this.obligationId = obligationId;
        this.authority = authority;
        this.phase = phase;
        this.version = version;
        this.filedBy = filedBy;
        this.filedAt = filedAt;
        this.authorityReference = authorityReference;
        this.snapshot = snapshot;
    }

    public UUID id() {
        return id;
    }

    public UUID incidentId() {
        return incidentId;
    }

    public UUID obligationId() {
        return obligationId;
    }

    public String authority() {
        return authority;
    }

    public String phase() {
        return phase;
    }

    public int version() {
        return version;
    }

    public String filedBy() {
        return filedBy;
    }

    public Instant filedAt() {
        return filedAt;
    }

    public String authorityReference() {
        return authorityReference;
    }

    public String snapshot() {
        return snapshot;
    }

    @Override
    public String toString() {
        return "RegulatorFiling[" + id + " " + authority + " v" + version + "]";
    }
}
