package org.herald.regulator.veris;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The VERIS record an incident was imported from: as received, as upgraded, and what the upgrade changed. */
@Entity
@Table(name = "veris_record")
public class VerisRecord {

    @Id
    @Column(name = "incident_id")
    private UUID incidentId;
    @Column(name = "source_version", nullable = false)
    private String sourceVersion;
    @Column(name = "schema_version", nullable = false)
    private String schemaVersion;
    @Column(nullable = false)
    private String original;
    @Column(nullable = false)
    private String upgraded;
    @Column(nullable = false)
    private String findings;
    @Column(name = "imported_by", nullable = false)
    private String importedBy;
    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    protected VerisRecord() {
    }

    public VerisRecord(UUID incidentId, String sourceVersion, String schemaVersion, String original, String upgraded,
            String findings, String importedBy, Instant importedAt) {
        this.incidentId = incidentId;
        this.sourceVersion = sourceVersion;
        this.schemaVersion = schemaVersion;
        this.original = original;
        this.upgraded = upgraded;
        this.findings = findings;
        this.importedBy = importedBy;
        this.importedAt = importedAt;
    }

    public UUID incidentId() {
        return incidentId;
    }

    public String sourceVersion() {
        return sourceVersion;
    }

    public String original() {
        return original;
    }

    public String upgraded() {
        return upgraded;
    }

    public String findings() {
        return findings;
    }

    @Override
    public String toString() {
        return "VerisRecord[" + incidentId + " " + sourceVersion + "]";
    }
}
