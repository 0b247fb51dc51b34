package org.herald.channel.letter;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One day's letters for the print house: one merged PDF and its CSV manifest. */
@Entity
@Table(name = "letter_batch")
public class LetterBatch {

    @Id
    private UUID id;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(nullable = false, updatable = false)
    private int letters;
    @Column(nullable = false, updatable = false)
    private int pages;
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, updatable = false)
    private byte[] pdf;
    @Column(nullable = false, updatable = false)
    private String manifest;
    @Column(name = "handed_to_print_at")
    private Instant handedToPrintAt;
    @Column(name = "handed_to_print_by")
    private String handedToPrintBy;

    protected LetterBatch() {
    }

    LetterBatch(UUID id, Instant createdAt, int letters, int pages, byte[] pdf, String manifest) {
        this.id = id;
        this.createdAt = createdAt;
        this.letters = letters;
        this.pages = pages;
        this.pdf = pdf;
        this.manifest = manifest;
    }

    public UUID id() {
        return id;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public int letters() {
        return letters;
    }

    public int pages() {
        return pages;
    }

    public byte[] pdf() {
        return pdf;
    }

    public String manifest() {
        return manifest;
    }

    public Instant handedToPrintAt() {
        return handedToPrintAt;
    }

    public String handedToPrintBy() {
        return handedToPrintBy;
    }

    void handedToPrint(Instant at, String by) {
        this.handedToPrintAt = at;
        this.handedToPrintBy = by;
    }
}
