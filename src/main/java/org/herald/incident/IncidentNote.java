package org.herald.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What happened when, in an analyst's words: the human half of an incident's timeline. */
@Entity
@Table(name = "incident_note")
public class IncidentNote {

    @Id
    private UUID id;
    @Column(name = "incident_id", nullable = false, updatable = false)
    private UUID incidentId;
    @Column(nullable = false, updatable = false)
    private String text;
    /** When the thing the note describes happened (may be before the note was written). */
    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;
    @Column(nullable = false, updatable = false)
    private String actor;
    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected IncidentNote() {
    }

    public IncidentNote(UUID incidentId, String text, Instant occurredAt, String actor, Instant recordedAt) {
        this.id = UUID.randomUUID();
        this.incidentId = incidentId;
        this.text = text;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.recordedAt = recordedAt;
    }

    public UUID id() {
        return id;
    }

    public UUID incidentId() {
        return incidentId;
    }

    public String text() {
        return text;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    @Override
    public String toString() {
        return "IncidentNote[" + id + " of " + incidentId + "]";
    }
}
