package org.herald.subject;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.herald.incident.DataCategory;

/**
 * A fact used to compute scope: system {@code systemName} holds data of {@code category} about the
 * subject since {@code since} (and until {@code until}, if it stopped). Open ends mean "as far as
 * the records go".
 */
@Entity
@Table(name = "subject_holding")
@IdClass(Holding.Key.class)
public class Holding {

    @Id
    @Column(name = "subject_id")
    private UUID subjectId;
    @Id
    @Column(name = "system_name")
    private String systemName;
    @Id
    @Enumerated(EnumType.STRING)
    private DataCategory category;
    private LocalDate since;
    private LocalDate until;

    protected Holding() {
    }

    public UUID subjectId() {
        return subjectId;
    }

    public String systemName() {
        return systemName;
    }

    public DataCategory category() {
        return category;
    }

    public LocalDate since() {
        return since;
    }

    public LocalDate until() {
        return until;
    }

    @Override
    public String toString() {
        return "Holding[" + subjectId + " " + systemName + " " + category + "]";
    }

    /** Composite key: one row per subject, system and category. */
    public static class Key implements Serializable {
        private UUID subjectId;
        private String systemName;
        private DataCategory category;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(subjectId, k.subjectId)
                    && Objects.equals(systemName, k.systemName) && category == k.category;
        }

        @Override
        public int hashCode() {
            return Objects.hash(subjectId, systemName, category);
        }
    }
}
