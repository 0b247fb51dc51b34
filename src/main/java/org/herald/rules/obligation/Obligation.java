package org.herald.rules.obligation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.herald.rules.ObligationKind;
import org.herald.rules.ObligationStatus;

/**
 * One obligation of an incident: a notice some law requires, to whom, by when, and why. An
 * assessment creates it and later ones update it in place (same {@code key}); an officer settles it
 * by recording its fulfilment (with evidence) or waiving it (with a reason).
 */
@Entity
@Table(name = "obligation")
public class Obligation {

    @Id
    UUID id;
    @Column(name = "incident_id", nullable = false, updatable = false)
    UUID incidentId;
    @Column(name = "obligation_key", nullable = false, updatable = false)
    String key;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    ObligationKind kind;
    @Column(name = "regime_id", nullable = false)
    String regimeId;
    @Column(nullable = false)
    String jurisdiction;
    @Column(nullable = false)
    String recipient;
    @Column(nullable = false)
    String phase;
    @Column(name = "due_at")
    Instant dueAt;
    @Column(name = "due_basis", nullable = false)
    String dueBasis;
    /** OPEN, FULFILLED or WAIVED; LATE is derived on reading. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    ObligationStatus status;
    @Column(nullable = false)
    String reason;
    @Column(nullable = false)
    String citations;
    @Column(nullable = false)
    String confidence;
    @Column(name = "subjects_covered", nullable = false)
    long subjectsCovered;
    @Column(name = "late_reason_required", nullable = false)
    boolean lateReasonRequired;
    @Column(nullable = false)
    String terms;
    @Column(name = "first_assessment_id", nullable = false, updatable = false)
    UUID firstAssessmentId;
    @Column(name = "last_assessment_id", nullable = false)
    UUID lastAssessmentId;
    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
    @Column(name = "fulfilled_at")
    Instant fulfilledAt;
    @Column(name = "fulfilment_reference")
    String fulfilmentReference;
    @Column(name = "evidence_file_name")
    String evidenceFileName;
    @Column(name = "evidence_content_type")
    String evidenceContentType;
    @Column(name = "evidence_file")
    byte[] evidenceFile;
    @Column(name = "late_reason")
    String lateReason;
    @Column(name = "waived_reason")
    String waivedReason;
    @Column(name = "settled_by")
    String settledBy;
    @Column(name = "settled_at")
    Instant settledAt;
    @Version
    long version;

    protected Obligation() {
    }

    Obligation(UUID id, UUID incidentId, String key, UUID assessmentId, Instant now) {
        this.id = id;
        this.incidentId = incidentId;
        this.key = key;
        this.status = ObligationStatus.OPEN;
        this.firstAssessmentId = assessmentId;
        this.lastAssessmentId = assessmentId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Open and past its due time. */
    boolean isLate(Instant now) {
        return status == ObligationStatus.OPEN && dueAt != null && dueAt.isBefore(now);
    }

    /** The status as readers see it: an open obligation past its due time is LATE. */
    ObligationStatus effectiveStatus(Instant now) {
        return isLate(now) ? ObligationStatus.LATE : status;
    }

    boolean isSettled() {
        return status == ObligationStatus.FULFILLED || status == ObligationStatus.WAIVED;
    }
}
