package org.herald.rules.obligation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A deadline alert raised for an obligation: one per lead time (or OVERDUE) and due time. */
@Entity
@Table(name = "obligation_alert")
public class ObligationAlert {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "obligation_id", nullable = false)
    UUID obligationId;
    @Column(name = "incident_id", nullable = false)
    UUID incidentId;
    @Column(nullable = false)
    String lead;
    @Column(name = "due_at", nullable = false)
    Instant dueAt;
    @Column(name = "alerted_at", nullable = false)
    Instant alertedAt;
    @Column(nullable = false)
    String recipients;
    @Column(nullable = false)
    String message;

    protected ObligationAlert() {
    }

    ObligationAlert(Obligation o, String lead, Instant alertedAt, String recipients, String message) {
        this.obligationId = o.id;
        this.incidentId = o.incidentId;
        this.lead = lead;
        this.dueAt = o.dueAt;
        this.alertedAt = alertedAt;
        this.recipients = recipients;
        this.message = message;
    }
}
