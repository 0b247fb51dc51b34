package org.herald.rules.obligation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step in an obligation's history: created, updated (previous values kept), fulfilled, waived, withdrawn, alerted. */
@Entity
@Table(name = "obligation_event")
public class ObligationEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "obligation_id", nullable = false)
    UUID obligationId;
    @Column(name = "incident_id", nullable = false)
    UUID incidentId;
    @Column(name = "assessment_id")
    UUID assessmentId;
    @Column(nullable = false)
    Instant at;
    @Column(nullable = false)
    String actor;
    @Column(nullable = false)
    String action;
    @Column(nullable = false)
    String detail;

    protected ObligationEvent() {
    }

    ObligationEvent(Obligation o, UUID assessmentId, Instant at, String actor, String action, String detail) {
        this.obligationId = o.id;
        this.incidentId = o.incidentId;
        this.assessmentId = assessmentId;
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.detail = detail;
    }
}
