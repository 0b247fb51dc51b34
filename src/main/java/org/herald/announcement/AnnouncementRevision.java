package org.herald.announcement;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One published state of an announcement, frozen: what its public page showed from that moment. */
@Entity
@Table(name = "announcement_revision")
public class AnnouncementRevision {

    @EmbeddedId
    private Key key;
    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;
    @Column(name = "published_by", nullable = false)
    private String publishedBy;
    private String note;
    @Column(nullable = false)
    private String content;

    protected AnnouncementRevision() {
    }

    public AnnouncementRevision(UUID announcementId, int revision, Instant publishedAt, String publishedBy, String note,
            String content) {
        this.key = new Key(announcementId, revision);
        this.publishedAt = publishedAt;
        this.publishedBy = publishedBy;
        this.note = note;
        this.content = content;
    }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "announcement_id")
        private UUID announcementId;
        @Column(name = "revision")
        private int revision;

        protected Key() {
        }

        Key(UUID announcementId, int revision) {
            this.announcementId = announcementId;
            this.revision = revision;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.announcementId.equals(announcementId) && k.revision == revision;
        }

        @Override
        public int hashCode() {
            return announcementId.hashCode() * 31 + revision;
        }
    }

    public UUID announcementId() {
        return key.announcementId;
    }

    public int revision() {
        return key.revision;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public String publishedBy() {
        return publishedBy;
    }

    public String note() {
        return note;
    }

    public String content() {
        return content;
    }

    @Override
    public String toString() {
        return "AnnouncementRevision[" + key.announcementId + " r" + key.revision + "]";
    }
}
