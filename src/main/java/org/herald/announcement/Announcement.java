package org.herald.announcement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.herald.shared.problem.ProblemException;

/**
 * A public announcement standing in for individual notices of one incident: proposed with the
 * decision that allows it, published by a privacy officer (or automatically where a rule demands
 * it), revised with history, and withdrawn no earlier than the rules' minimum posting time.
 */
@Entity
@Table(name = "announcement")
public class Announcement {

    @Id
    private UUID id;
    @Column(name = "incident_id", nullable = false, updatable = false)
    private UUID incidentId;
    @Column(nullable = false, updatable = false)
    private String slug;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AnnouncementStatus status;
    @Column(nullable = false)
    private String decision;
    @Column(nullable = false)
    private String reason;
    @Column(nullable = false)
    private String regimes;
    @Column(name = "min_days")
    private Integer minDays;
    @Column(name = "min_days_basis")
    private String minDaysBasis;
    @Column(name = "toll_free_required", nullable = false)
    private boolean tollFreeRequired;
    @Column(name = "help_number")
    private String helpNumber;
    @Column(name = "covered_count", nullable = false)
    private long coveredCount;
    @Column(name = "judgement_reason")
    private String judgementReason;
    @Column(name = "auto_published", nullable = false)
    private boolean autoPublished;
    @Column(name = "proposed_by", nullable = false, updatable = false)
    private String proposedBy;
    @Column(name = "proposed_at", nullable = false, updatable = false)
    private Instant proposedAt;
    @Column(name = "published_by")
    private String publishedBy;
    @Column(name = "published_at")
    private Instant publishedAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "withdrawn_by")
    private String withdrawnBy;
    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;
    @Column(name = "withdraw_reason")
    private String withdrawReason;
    @Column(nullable = false)
    private int revision;
    @Version
    private long version;

    protected Announcement() {
    }

    public Announcement(UUID id, UUID incidentId, String slug, String decision, String reason, String regimes,
            Integer minDays, String minDaysBasis, boolean tollFreeRequired, String helpNumber, long coveredCount,
            String judgementReason, String proposedBy, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.incidentId = Objects.requireNonNull(incidentId);
        this.slug = Objects.requireNonNull(slug);
        this.status = AnnouncementStatus.PROPOSED;
        this.decision = decision;
        this.reason = reason;
        this.regimes = regimes;
        this.minDays = minDays;
        this.minDaysBasis = minDaysBasis;
        this.tollFreeRequired = tollFreeRequired;
        this.helpNumber = helpNumber;
        this.coveredCount = coveredCount;
        this.judgementReason = judgementReason;
        this.proposedBy = proposedBy;
        this.proposedAt = now;
        this.updatedAt = now;
    }

    /** Makes it public as revision 1. A toll-free number the rules require must be given first. */
    public void publish(String by, Instant at, boolean automatically) {
        if (status != AnnouncementStatus.PROPOSED) {
            throw ProblemException.conflict("Only a proposed announcement can be published; this one is " + status);
        }
        requireHelpNumber();
        this.status = AnnouncementStatus.PUBLISHED;
        this.publishedBy = by;
        this.publishedAt = at;
        this.updatedAt = at;
        this.autoPublished = automatically;
        this.revision = 1;
    }

    /** A new published revision; the page then says it was updated and when. */
    public void revise(String by, Instant at, String helpNumber) {
        if (status != AnnouncementStatus.PUBLISHED) {
            throw ProblemException.conflict("Only a published announcement can be revised; this one is " + status);
        }
        if (helpNumber != null) {
            this.helpNumber = helpNumber.isBlank() ? null : helpNumber.strip();
        }
        requireHelpNumber();
        this.revision++;
        this.updatedAt = at;
    }

    public void changeHelpNumber(String helpNumber) {
        if (status != AnnouncementStatus.PROPOSED) {
            throw ProblemException.conflict("The help number of a published announcement changes with a revision");
        }
        this.helpNumber = helpNumber == null || helpNumber.isBlank() ? null : helpNumber.strip();
    }

    /**
     * Takes it off the public pages. A proposal can always be dropped; a published announcement only
     * once the longest minimum posting time of its rules has passed.
     */
    public void withdraw(String by, Instant at, String reason) {
        if (status == AnnouncementStatus.WITHDRAWN) {
            throw ProblemException.conflict("The announcement was already withdrawn on " + withdrawnAt);
        }
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "must say why the announcement is withdrawn");
        }
        Instant earliest = earliestWithdrawal();
        if (status == AnnouncementStatus.PUBLISHED && earliest != null && at.isBefore(earliest)) {
            throw new ProblemException(409, "posting-window", "Minimum posting time not over",
                    "Published on " + publishedAt.truncatedTo(ChronoUnit.SECONDS) + "; " + minDaysBasis
                            + ", so it cannot be withdrawn before " + earliest.truncatedTo(ChronoUnit.SECONDS) + ".");
        }
        this.status = AnnouncementStatus.WITHDRAWN;
        this.withdrawnBy = by;
        this.withdrawnAt = at;
        this.withdrawReason = reason.strip();
        this.updatedAt = at;
    }

    /** When the minimum posting time ends; null while unpublished or when no rule sets one. */
    public Instant earliestWithdrawal() {
        return publishedAt == null || minDays == null ? null : publishedAt.plus(Duration.ofDays(minDays));
    }

    private void requireHelpNumber() {
        if (tollFreeRequired && helpNumber == null) {
            throw ProblemException.invalid("helpNumber",
                    "a rule requires a toll-free number on the announcement; give it before publishing");
        }
    }

    public UUID id() {
        return id;
    }

    public UUID incidentId() {
        return incidentId;
    }

    public String slug() {
        return slug;
    }

    public AnnouncementStatus status() {
        return status;
    }

    public String decision() {
        return decision;
    }

    public String reason() {
        return reason;
    }

    public String regimes() {
        return regimes;
    }

    public Integer minDays() {
        return minDays;
    }

    public String minDaysBasis() {
        return minDaysBasis;
    }

    public boolean tollFreeRequired() {
        return tollFreeRequired;
    }

    public String helpNumber() {
        return helpNumber;
    }

    public long coveredCount() {
        return coveredCount;
    }

    public String judgementReason() {
        return judgementReason;
    }

    public boolean autoPublished() {
        return autoPublished;
    }

    public String proposedBy() {
        return proposedBy;
    }

    public Instant proposedAt() {
        return proposedAt;
    }

    public String publishedBy() {
        return publishedBy;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String withdrawnBy() {
        return withdrawnBy;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }

    public String withdrawReason() {
        return withdrawReason;
    }

    public int revision() {
        return revision;
    }

    public long version() {
        return version;
    }

    @Override
    public String toString() {
        return "Announcement[" + id + " incident " + incidentId + " " + status + " r" + revision + "]";
    }
}
