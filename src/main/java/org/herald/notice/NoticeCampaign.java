package org.herald.notice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * One campaign of individual notices for an incident. Its approval names a second privacy officer
 * and the hash of the incident content and wording it was given for; it is void once either changes.
 */
@Entity
@Table(name = "notice_campaign")
public class NoticeCampaign {

    @Id
    private UUID id;
    @Column(name = "incident_id", nullable = false, updatable = false)
    private UUID incidentId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CampaignStatus status;
    @Column(name = "planned_by", nullable = false, updatable = false)
    private String plannedBy;
    @Column(name = "planned_at", nullable = false, updatable = false)
    private Instant plannedAt;
    @Column(name = "planned_hash", nullable = false)
    private String plannedHash;
    @Column(name = "approved_hash")
    private String approvedHash;
    @Column(name = "approved_by")
    private String approvedBy;
    @Column(name = "approved_at")
    private Instant approvedAt;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Column(name = "status_reason")
    private String statusReason;
    @Column(nullable = false)
    private String warnings;
    @Column(nullable = false)
    private String forecast;
    @Column(name = "notice_count", nullable = false)
    private long noticeCount;
    @Version
    private long version;

    protected NoticeCampaign() {
    }

    NoticeCampaign(UUID id, UUID incidentId, String plannedBy, Instant plannedAt, String plannedHash, String warnings,
            String forecast, long noticeCount) {
        this.id = id;
        this.incidentId = incidentId;
        this.status = CampaignStatus.PLANNED;
        this.plannedBy = plannedBy;
        this.plannedAt = plannedAt;
        this.plannedHash = plannedHash;
        this.warnings = warnings;
        this.forecast = forecast;
        this.noticeCount = noticeCount;
    }

    void approve(String by, Instant at, String hash) {
        status = CampaignStatus.APPROVED;
        approvedBy = by;
        approvedAt = at;
        approvedHash = hash;
        statusReason = null;
    }

    /** The content or wording changed since approval: back to planned, awaiting a new approval. */
    void voidApproval(String reason) {
        status = CampaignStatus.PLANNED;
        approvedBy = null;
        approvedAt = null;
        approvedHash = null;
        statusReason = reason;
    }

    void start(Instant at) {
        status = CampaignStatus.RUNNING;
        if (startedAt == null) {
            startedAt = at;
        }
        statusReason = null;
    }

    void pause(String reason) {
        status = CampaignStatus.PAUSED;
        statusReason = reason;
    }

    void cancel(Instant at, String reason) {
        status = CampaignStatus.CANCELLED;
        completedAt = at;
        statusReason = reason;
    }

    public UUID id() {
        return id;
    }

    public UUID incidentId() {
        return incidentId;
    }

    public CampaignStatus status() {
        return status;
    }

    public String plannedBy() {
        return plannedBy;
    }

    public Instant plannedAt() {
        return plannedAt;
    }

    public String plannedHash() {
        return plannedHash;
    }

    public String approvedHash() {
        return approvedHash;
    }

    public String approvedBy() {
        return approvedBy;
    }

    public Instant approvedAt() {
        return approvedAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public String statusReason() {
        return statusReason;
    }

    public String warnings() {
        return warnings;
    }

    public String forecast() {
        return forecast;
    }

    public long noticeCount() {
        return noticeCount;
    }

    public long version() {
        return version;
    }
}
