package org.herald.channel.sms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One SMS "sent" in sandbox mode: what a provider would have received, kept so the console can
 * show it. Holds the number and text on purpose (it is the sandbox); never logged.
 */
@Entity
@Table(name = "sandbox_sms")
public class SandboxSms {

    @Id
    private UUID id;

    @Column(name = "idempotency_key", nullable = false, updatable = false)
    private String idempotencyKey;

    @Column(name = "correlation", nullable = false, updatable = false)
    private String correlation;

    @Column(name = "recipient", nullable = false, updatable = false)
    private String recipient;

    @Column(name = "body", nullable = false, updatable = false)
    private String body;

    @Column(name = "body_length", nullable = false, updatable = false)
    private int bodyLength;

    @Enumerated(EnumType.STRING)
    @Column(name = "encoding", nullable = false, updatable = false)
    private SmsEncoding encoding;

    @Column(name = "segments", nullable = false, updatable = false)
    private int segments;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected SandboxSms() {
    }

    public UUID id() {
        return id;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String correlation() {
        return correlation;
    }

    public String recipient() {
        return recipient;
    }

    public String body() {
        return body;
    }

    /** Length in UTF-16 code units, as Java and Twilio count it. */
    public int bodyLength() {
        return bodyLength;
    }

    public SmsEncoding encoding() {
        return encoding;
    }

    public int segments() {
        return segments;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    /** The provider reference a sandbox send reports. */
    public String reference() {
        return "sandbox-sms-" + id;
    }

    @Override
    public String toString() {
        return "SandboxSms[" + id + " " + idempotencyKey + "]";
    }
}
