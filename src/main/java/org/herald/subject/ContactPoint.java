package org.herald.subject;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** One e-mail address or phone number (E.164) of a subject, their guardian or next of kin, sealed at rest. */
@Entity
@Table(name = "subject_contact")
public class ContactPoint {

    @Id
    private long id;
    @Column(name = "subject_id", nullable = false)
    private UUID subjectId;
    @Enumerated(EnumType.STRING)
    private ContactOwner owner;
    @Enumerated(EnumType.STRING)
    private ContactKind kind;
    @Column(name = "value_enc", nullable = false)
    private String valueEnc;
    /** Keyed blind index of the normalised value, for exact look-ups. */
    @Column(name = "value_index", nullable = false)
    private byte[] valueIndex;
    @Column(name = "line_type")
    private String lineType;
    private short position;

    protected ContactPoint() {
    }

    public long id() {
        return id;
    }

    public UUID subjectId() {
        return subjectId;
    }

    public ContactOwner owner() {
        return owner;
    }

    public ContactKind kind() {
        return kind;
    }

    public String valueEnc() {
        return valueEnc;
    }

    /** libphonenumber's line type for phones (e.g. MOBILE), or {@code null} when unknown. */
    public String lineType() {
        return lineType;
    }

    public int position() {
        return position;
    }

    @Override
    public String toString() {
        return "ContactPoint[" + id + " of " + subjectId + "]";
    }
}
