package org.herald.announcement;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What a published announcement settles for one regime's individual notices: the unreached only
 * (residual coverage), or the whole class, with e-mail still owed where the rule requires "e-mail
 * where available". Notice campaigns read these rows to settle their remaining notices.
 */
@Entity
@Table(name = "announcement_settlement")
public class Settlement {

    @EmbeddedId
    private Key key;
    @Column(name = "incident_id", nullable = false)
    private UUID incidentId;
    @Column(name = "covered_countries", nullable = false)
    private String coveredCountries;
    @Column(name = "covered_regions", nullable = false)
    private String coveredRegions;
    @Column(name = "whole_class", nullable = false)
    private boolean wholeClass;
    @Column(name = "email_where_available", nullable = false)
    private boolean emailWhereAvailable;
    @Column(name = "covered_count", nullable = false)
    private long coveredCount;
    @Column(name = "settled_at", nullable = false)
    private Instant settledAt;

    protected Settlement() {
    }

    public Settlement(UUID announcementId, UUID incidentId, String regimeId, String jurisdiction, String coveredCountries,
            String coveredRegions, boolean wholeClass, boolean emailWhereAvailable, long coveredCount, Instant at) {
        this.key = new Key(announcementId, regimeId, jurisdiction);
        this.incidentId = incidentId;
        this.coveredCountries = coveredCountries;
        this.coveredRegions = coveredRegions;
        this.wholeClass = wholeClass;
        this.emailWhereAvailable = emailWhereAvailable;
        this.coveredCount = coveredCount;
        this.settledAt = at;
    }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "announcement_id")
        private UUID announcementId;
        @Column(name = "regime_id")
        private String regimeId;
        @Column(name = "jurisdiction")
        private String jurisdiction;

        protected Key() {
        }

        Key(UUID announcementId, String regimeId, String jurisdiction) {
            this.announcementId = announcementId;
            this.regimeId = regimeId;
            this.jurisdiction = jurisdiction;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.announcementId.equals(announcementId) && k.regimeId.equals(regimeId)
                    && k.jurisdiction.equals(jurisdiction);
        }

        @Override
        public int hashCode() {
            return Objects.hash(announcementId, regimeId, jurisdiction);
        }
    }

    public String regimeId() {
        return key.regimeId;
    }

    public String jurisdiction() {
        return key.jurisdiction;
    }

    public boolean wholeClass() {
        return wholeClass;
    }

    public boolean emailWhereAvailable() {
        return emailWhereAvailable;
    }

    public long coveredCount() {
        return coveredCount;
    }

    public String coveredCountries() {
        return coveredCountries;
    }

    public String coveredRegions() {
        return coveredRegions;
    }

    @Override
    public String toString() {
        return "Settlement[" + key.announcementId + " " + key.regimeId + " " + key.jurisdiction + "]";
    }
}
