package org.herald.channel.letter;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One rendered letter: its PDF, its barcode (printed on the letter and listed in the manifest,
 * scanned when the post returns it) and where it is on its way. Holds the addressee and address
 * because the print house needs them; never logged.
 */
@Entity
@Table(name = "letter")
public class Letter {

    public enum Status {
        /** Rendered in sandbox mode: viewable in the console, never printed. */
        SANDBOX,
        /** Waiting for the next print batch. */
        QUEUED,
        /** In a batch not yet handed to the print house. */
        BATCHED,
        /** The print house has it: as far as Herald will ever know, sent. */
        HANDED_TO_PRINT,
        /** The post brought it back. */
        RETURNED
    }

    @Id
    private UUID id;
    @Column(name = "idempotency_key", nullable = false, updatable = false)
    private String idempotencyKey;
    @Column(nullable = false, updatable = false)
    private String correlation;
    @Column(nullable = false, updatable = false)
    private String barcode;
    @Column(nullable = false, updatable = false)
    private String addressee;
    @Column(name = "address_lines", nullable = false, updatable = false)
    private String addressLines;
    @Column(nullable = false, updatable = false)
    private String country;
    @Column(nullable = false, updatable = false)
    private String language;
    @Column(nullable = false, updatable = false)
    private int pages;
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, updatable = false)
    private byte[] pdf;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "batch_id")
    private UUID batchId;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "returned_at")
    private Instant returnedAt;

    protected Letter() {
    }

    Letter(UUID id, String idempotencyKey, String correlation, String barcode, String addressee, String addressLines,
            String country, String language, int pages, byte[] pdf, Status status, Instant createdAt) {
        this.id = id;
        this.idempotencyKey = idempotencyKey;
        this.correlation = correlation;
        this.barcode = barcode;
        this.addressee = addressee;
        this.addressLines = addressLines;
        this.country = country;
        this.language = language;
        this.pages = pages;
        this.pdf = pdf;
        this.status = status;
        this.createdAt = createdAt;
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

    public String barcode() {
        return barcode;
    }

    public String addressee() {
        return addressee;
    }

    public String addressLines() {
        return addressLines;
    }

    public String country() {
        return country;
    }

    public String language() {
        return language;
    }

    public int pages() {
        return pages;
    }

    public byte[] pdf() {
        return pdf;
    }

    public Status status() {
        return status;
    }

    public UUID batchId() {
        return batchId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant returnedAt() {
        return returnedAt;
    }

    void batched(UUID batch) {
        this.status = Status.BATCHED;
        this.batchId = batch;
    }

    void handedToPrint() {
        this.status = Status.HANDED_TO_PRINT;
    }

    void returned(Instant at) {
        this.status = Status.RETURNED;
        this.returnedAt = at;
    }

    @Override
    public String toString() {
        return "Letter[" + id + " " + idempotencyKey + " " + status + "]";
    }
}
