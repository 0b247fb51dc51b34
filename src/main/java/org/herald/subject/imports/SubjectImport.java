package org.herald.subject.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One upload of subjects or holdings and how far it has got. The counters move with every
 * committed batch (written by {@link ImportJob} in the batch's own transaction), so they always
 * match what is in the registry.
 */
@Entity
@Table(name = "subject_import")
public class SubjectImport {

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    private ImportType type;
    @Enumerated(EnumType.STRING)
    private ImportFormat format;
    @Column(name = "source_system")
    private String sourceSystem;
    @Enumerated(EnumType.STRING)
    private ImportStatus status;
    @Column(name = "bytes_total")
    private long bytesTotal;
    @Column(name = "bytes_read")
    private long bytesRead;
    @Column(name = "rows_read")
    private long rowsRead;
    @Column(name = "rows_accepted")
    private long rowsAccepted;
    @Column(name = "rows_rejected")
    private long rowsRejected;
    @Column(name = "rows_changed")
    private long rowsChanged;
    private String failure;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    @Column(name = "progress_at", nullable = false)
    private Instant progressAt;
    @Column(name = "heartbeat_at", nullable = false)
    private Instant heartbeatAt;

    protected SubjectImport() {
    }

    SubjectImport(UUID id, ImportType type, ImportFormat format, String sourceSystem, long bytesTotal, String createdBy,
            Instant now) {
        this.id = id;
        this.type = type;
        this.format = format;
        this.sourceSystem = sourceSystem;
        this.status = ImportStatus.QUEUED;
        this.bytesTotal = bytesTotal;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.progressAt = now;
        this.heartbeatAt = now;
    }

    /** Its replica stopped before the end; what was committed stays, and a re-run is safe. */
    void interrupt(Instant now) {
        this.status = ImportStatus.INTERRUPTED;
        this.finishedAt = now;
        this.failure = "The import stopped before the end (its server restarted). Rows up to row " + rowsRead
                + " are kept; send the same file again to finish: rows already imported are left unchanged.";
    }

    /** Rows read per second, over the time it has been (or was) running. */
    public double rowsPerSecond() {
        if (startedAt == null) {
            return 0;
        }
        Instant end = finishedAt != null ? finishedAt : progressAt;
        long millis = Duration.between(startedAt, end).toMillis();
        return millis <= 0 ? 0 : Math.round(rowsRead * 10_000.0 / millis) / 10.0;
    }

    public UUID id() {
        return id;
    }

    public ImportType type() {
        return type;
    }

    public ImportFormat format() {
        return format;
    }

    public String sourceSystem() {
        return sourceSystem;
    }

    public ImportStatus status() {
        return status;
    }

    public long bytesTotal() {
        return bytesTotal;
    }

    public long bytesRead() {
        return bytesRead;
    }

    public long rowsRead() {
        return rowsRead;
    }

    public long rowsAccepted() {
        return rowsAccepted;
    }

    public long rowsRejected() {
        return rowsRejected;
    }

    public long rowsChanged() {
        return rowsChanged;
    }

    public String failure() {
        return failure;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    @Override
    public String toString() {
        return "SubjectImport[" + id + "]";
    }
}
