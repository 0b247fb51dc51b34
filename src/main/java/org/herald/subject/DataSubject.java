package org.herald.subject;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A person whose data Herald knows about, identified by an external reference unique within its
 * source system. Names are kept sealed ({@code *Enc} fields hold {@link org.herald.security.FieldCipher}
 * ciphertext); the registry is written by the streaming import, so this entity is read-mostly.
 */
@Entity
@Table(name = "data_subject")
public class DataSubject {

    @Id
    private UUID id;
    @Column(name = "source_system", nullable = false)
    private String sourceSystem;
    @Column(name = "external_ref", nullable = false)
    private String externalRef;
    @Column(name = "display_name_enc")
    private String displayNameEnc;
    private String locale;
    @Column(nullable = false)
    private String country;
    private String region;
    private boolean minor;
    @Column(name = "birth_year")
    private Short birthYear;
    private boolean deceased;
    @Column(name = "guardian_name_enc")
    private String guardianNameEnc;
    @Column(name = "next_of_kin_name_enc")
    private String nextOfKinNameEnc;
    @Column(name = "channel_preference")
    private String channelPreference;
    @Column(name = "marketing_opt_out")
    private boolean marketingOptOut;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @OneToMany(fetch = FetchType.LAZY)
    @JoinColumn(name = "subject_id", insertable = false, updatable = false)
    @OrderBy("owner, kind, position")
    private List<ContactPoint> contacts = new ArrayList<>();

    @OneToMany(fetch = FetchType.LAZY)
    @JoinColumn(name = "subject_id", insertable = false, updatable = false)
    @OrderBy("platform, id")
    private List<PushRegistration> pushRegistrations = new ArrayList<>();

    @OneToMany(fetch = FetchType.LAZY)
    @JoinColumn(name = "subject_id", insertable = false, updatable = false)
    private List<PostalAddress> postalAddresses = new ArrayList<>();

    @OneToMany(fetch = FetchType.LAZY)
    @JoinColumn(name = "subject_id", insertable = false, updatable = false)
    @OrderBy("systemName, category")
    private List<Holding> holdings = new ArrayList<>();

    protected DataSubject() {
    }

    public UUID id() {
        return id;
    }

    public String sourceSystem() {
        return sourceSystem;
    }

    public String externalRef() {
        return externalRef;
    }

    public String displayNameEnc() {
        return displayNameEnc;
    }

    public String locale() {
        return locale;
    }

    public String country() {
        return country;
    }

    public String region() {
        return region;
    }

    public boolean minor() {
        return minor;
    }

    public Integer birthYear() {
        return birthYear == null ? null : birthYear.intValue();
    }

    public boolean deceased() {
        return deceased;
    }

    public String guardianNameEnc() {
        return guardianNameEnc;
    }

    public String nextOfKinNameEnc() {
        return nextOfKinNameEnc;
    }

    public List<PreferredChannel> channelPreference() {
        if (channelPreference == null || channelPreference.isBlank()) {
            return List.of();
        }
        return Arrays.stream(channelPreference.split(",")).map(PreferredChannel::valueOf).toList();
    }

    /** Recorded, never consulted for breach notices: those are transactional (docs/subjects.md). */
    public boolean marketingOptOut() {
        return marketingOptOut;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public List<ContactPoint> contacts() {
        return List.copyOf(contacts);
    }

    public List<PushRegistration> pushRegistrations() {
        return List.copyOf(pushRegistrations);
    }

    public List<PostalAddress> postalAddresses() {
        return List.copyOf(postalAddresses);
    }

    public List<Holding> holdings() {
        return List.copyOf(holdings);
    }

    @Override
    public String toString() {
        return "DataSubject[" + id + "]";
    }
}
