package org.herald.subject;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * The postal address of a subject (or of their guardian or next of kin). Lines, city, region and
 * postal code are sealed together as one JSON value; the country stays readable for letter routing.
 */
@Entity
@Table(name = "subject_postal_address")
@IdClass(PostalAddress.Key.class)
public class PostalAddress {

    @Id
    @Column(name = "subject_id")
    private UUID subjectId;
    @Id
    @Enumerated(EnumType.STRING)
    private ContactOwner owner;
    @Column(name = "address_enc", nullable = false)
    private String addressEnc;
    @Column(nullable = false)
    private String country;

    protected PostalAddress() {
    }

    public UUID subjectId() {
        return subjectId;
    }

    public ContactOwner owner() {
        return owner;
    }

    public String addressEnc() {
        return addressEnc;
    }

    public String country() {
        return country;
    }

    @Override
    public String toString() {
        return "PostalAddress[" + subjectId + " " + owner + "]";
    }

    /** Composite key: one address per subject and owner. */
    public static class Key implements Serializable {
        private UUID subjectId;
        private ContactOwner owner;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(subjectId, k.subjectId) && owner == k.owner;
        }

        @Override
        public int hashCode() {
            return Objects.hash(subjectId, owner);
        }
    }
}
