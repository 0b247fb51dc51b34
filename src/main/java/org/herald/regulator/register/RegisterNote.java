package org.herald.regulator.register;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Why an incident was not notified (or not everywhere), as the privacy officer recorded it. */
@Entity
@Table(name = "breach_register_entry")
public class RegisterNote {

    @Id
    @Column(name = "incident_id")
    private UUID incidentId;
    @Column(name = "reason_not_notified", nullable = false)
    private String reasonNotNotified;
    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected RegisterNote() {
    }

    public RegisterNote(UUID incidentId, String reason, String recordedBy, Instant recordedAt) {
        this.incidentId = incidentId;
        record(reason, recordedBy, recordedAt);
    }

    public void record(String reason, String recordedBy, Instant recordedAt) {
        this.reasonNotNotified = reason;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public UUID incidentId() {
        return incidentId;
    }

    public String reasonNotNotified() {
        return reasonNotNotified;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    @Override
    public String toString() {
        return "RegisterNote[" + incidentId + "]";
    }
}
