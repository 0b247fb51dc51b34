package org.herald.rules.obligation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One assessment run of an incident: the judgement it used and every regime's outcome. Never changed. */
@Entity
@Table(name = "rule_assessment")
public class RuleAssessment {

    @Id
    UUID id;
    @Column(name = "incident_id", nullable = false)
    UUID incidentId;
    @Column(name = "run_no", nullable = false)
    int runNo;
    @Column(name = "assessed_at", nullable = false)
    Instant assessedAt;
    @Column(name = "assessed_by", nullable = false)
    String assessedBy;
    @Column(nullable = false)
    String judgement;
    @Column(nullable = false)
    String facts;
    @Column(nullable = false)
    String outcome;
    @Column(nullable = false)
    String substitutes;
    @Column(name = "created_count", nullable = false)
    int created;
    @Column(name = "updated_count", nullable = false)
    int updated;
    @Column(name = "unchanged_count", nullable = false)
    int unchanged;
    @Column(name = "withdrawn_count", nullable = false)
    int withdrawn;

    protected RuleAssessment() {
    }

    RuleAssessment(UUID id, UUID incidentId, int runNo, Instant at, String by) {
        this.id = id;
        this.incidentId = incidentId;
        this.runNo = runNo;
        this.assessedAt = at;
        this.assessedBy = by;
    }
}
