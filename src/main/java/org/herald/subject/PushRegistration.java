package org.herald.subject;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A device token or Web Push subscription of a subject; switched off when the push service refuses it. */
@Entity
@Table(name = "subject_push_registration")
public class PushRegistration {

    @Id
    private long id;
    @Column(name = "subject_id", nullable = false)
    private UUID subjectId;
    @Enumerated(EnumType.STRING)
    private PushPlatform platform;
    @Column(name = "token_enc", nullable = false)
    private String tokenEnc;
    private boolean active;

    protected PushRegistration() {
    }

    /** The push service answered that this registration no longer exists; Herald stops using it. */
    public void deactivate() {
        this.active = false;
    }

    public long id() {
        return id;
    }

    public UUID subjectId() {
        return subjectId;
    }

    public PushPlatform platform() {
        return platform;
    }

    public String tokenEnc() {
        return tokenEnc;
    }

    public boolean active() {
        return active;
    }

    @Override
    public String toString() {
        return "PushRegistration[" + id + " of " + subjectId + "]";
    }
}
