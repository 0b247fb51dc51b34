package org.herald.channel.letter;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.herald.audit.AuditLog;
import org.herald.channel.DeliveryOutcome;
import org.herald.channel.IdempotencyKey;
import org.herald.channel.OutgoingMessage;
import org.herald.channel.ProviderFeedback;
import org.herald.shared.problem.ProblemException;

/**
 * Everything that happens to letters after rendering: queueing (the sender's outcome is HELD), the
 * daily print batch (merged PDF + CSV manifest), "handed to print" (ACCEPTED feedback: the letter
 * has left Herald, so its notice counts as sent; no one confirms delivery, so the last word Herald
 * gets unless the letter comes back) and returned mail (PERMANENT feedback).
 */
@ApplicationScoped
public class LetterOffice implements PanacheRepositoryBase<Letter, UUID> {

    static final String PRINT_PROVIDER = "print-house";
    /** The provider code of the feedback that says a letter's batch went to the print house. */
    static final String HANDED_TO_PRINT = "handed-to-print";

    private final LetterRenderer renderer;
    private final Event<ProviderFeedback> feedback;
    private final AuditLog audit;
    private final Clock clock;

    LetterOffice(LetterRenderer renderer, Event<ProviderFeedback> feedback, AuditLog audit, Clock clock) {
        this.renderer = renderer;
        this.feedback = feedback;
        this.audit = audit;
        this.clock = clock;
    }

    /** What came back from a CSV of returned barcodes. */
    public record Returns(int returned, List<String> alreadyReturned, List<String> unknown) {
    }

    /**
     * Renders and stores a letter once per idempotency key: a replayed attempt finds the first letter.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Letter store(OutgoingMessage m, Letter.Status status) {
        Optional<Letter> existing = byKey(m.idempotencyKey().value());
        if (existing.isPresent()) {
            return existing.get();
        }
        UUID id = UUID.randomUUID();
        String barcode = barcode(id);
        LetterRenderer.Rendered rendered = renderer.render(m, barcode);
        Letter letter = new Letter(id, m.idempotencyKey().value(), m.correlation(), barcode, m.recipient(),
                String.join("\n", m.postalAddress().printed()), m.postalAddress().country(), m.locale().toLanguageTag(),
                rendered.pages(), rendered.pdf(), status, clock.instant());
        persist(letter);
        return letter;
    }

    /** A value for a Code 128 barcode: {@code HL} and 16 hex digits of the letter id, upper case. */
    static String barcode(UUID id) {
        return "HL" + id.toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
    }

    public Optional<Letter> byKey(String idempotencyKey) {
        return find("idempotencyKey", idempotencyKey).firstResultOptional();
    }

    public List<Letter> newest(int page, int size) {
        return findAll(Sort.descending("createdAt").and("id")).page(Page.of(page, size)).list();
    }

    /**
     * Puts every queued letter into a new batch: one merged PDF, one CSV manifest row per letter.
     *
     * @return the batch, or empty when nothing was queued
     */
    @Transactional
    public Optional<LetterBatch> cutBatch() {
        List<Letter> queued = find("status = ?1 order by createdAt, id", Letter.Status.QUEUED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        if (queued.isEmpty()) {
            return Optional.empty();
        }
        UUID batchId = UUID.randomUUID();
        int pages = queued.stream().mapToInt(Letter::pages).sum();
        LetterBatch batch = new LetterBatch(batchId, clock.instant(), queued.size(), pages, merge(queued), manifest(queued));
        getEntityManager().persist(batch);
        getEntityManager().flush();
        queued.forEach(l -> l.batched(batchId));
        audit.record("letter_batch", batchId, "cut", Map.of("letters", queued.size(), "pages", pages));
        return Optional.of(batch);
    }

    public Optional<LetterBatch> batch(UUID id) {
        return Optional.ofNullable(getEntityManager().find(LetterBatch.class, id));
    }

    public List<LetterBatch> batches(int size) {
        return getEntityManager().createQuery("from LetterBatch order by createdAt desc", LetterBatch.class)
                .setMaxResults(size).getResultList();
    }

    /**
     * The print house has the batch: its letters have left Herald and count as sent, published as
     * ACCEPTED feedback (code {@code handed-to-print}). A letter returned before its batch was marked
     * stays returned and is not published again.
     */
    @Transactional
    public LetterBatch handedToPrint(UUID batchId, String by) {
        LetterBatch batch = getEntityManager().find(LetterBatch.class, batchId, LockModeType.PESSIMISTIC_WRITE);
        if (batch == null) {
            throw ProblemException.notFound("letter batch", batchId);
        }
        if (batch.handedToPrintAt() != null) {
            throw ProblemException.conflict("this batch was handed to print already");
        }
        batch.handedToPrint(clock.instant(), by);
        List<Letter> letters = list("batchId = ?1 and status = ?2", batchId, Letter.Status.BATCHED);
        for (Letter letter : letters) {
            letter.handedToPrint();
            feedback.fire(new ProviderFeedback(IdempotencyKey.parse(letter.idempotencyKey()), letter.correlation(),
                    letter.barcode(), DeliveryOutcome.accepted(PRINT_PROVIDER, letter.barcode(), HANDED_TO_PRINT,
                            "the letter was handed to the print house for posting")));
        }
        audit.record("letter_batch", batchId, "handed_to_print", Map.of("letters", letters.size()));
        return batch;
    }

    /**
     * Marks letters the post returned, by the barcode values scanned from them, and publishes each
     * as PERMANENT feedback. A barcode already returned is reported, not published again.
     */
    @Transactional
    public Returns returned(Collection<String> barcodes) {
        Set<String> wanted = new LinkedHashSet<>();
        barcodes.forEach(b -> wanted.add(b.trim().toUpperCase(Locale.ROOT)));
        Map<String, Letter> found = new LinkedHashMap<>();
        if (!wanted.isEmpty()) {
            list("barcode in ?1", wanted).forEach(l -> found.put(l.barcode(), l));
        }
        List<String> unknown = new ArrayList<>();
        List<String> again = new ArrayList<>();
        int returned = 0;
        for (String code : wanted) {
            Letter letter = found.get(code);
            if (letter == null) {
                unknown.add(code);
            } else if (letter.status() == Letter.Status.RETURNED) {
                again.add(code);
            } else {
                letter.returned(clock.instant());
                returned++;
                feedback.fire(new ProviderFeedback(IdempotencyKey.parse(letter.idempotencyKey()), letter.correlation(),
                        letter.barcode(), DeliveryOutcome.permanent(PRINT_PROVIDER, "returned",
                                "the post returned the letter as undeliverable").withReference(letter.barcode())));
            }
        }
        audit.record("letter", "returns", "returned", Map.of("returned", returned, "unknown", unknown.size(),
                "already_returned", again.size()));
        return new Returns(returned, again, unknown);
    }

    private static byte[] merge(List<Letter> letters) {
        PDFMergerUtility merger = new PDFMergerUtility();
        for (Letter l : letters) {
            merger.addSource(new RandomAccessReadBuffer(l.pdf()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        merger.setDestinationStream(out);
        try {
            merger.mergeDocuments(IOUtils.createMemoryOnlyStreamCache());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** notice id, name, address, country, pages, barcode, first page in the merged PDF. */
    static String manifest(List<Letter> letters) {
        StringWriter csv = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180.builder()
                .setHeader("notice_id", "name", "address", "country", "pages", "barcode", "first_page").get())) {
            int page = 1;
            for (Letter l : letters) {
                printer.printRecord(IdempotencyKey.parse(l.idempotencyKey()).noticeId(), l.addressee(),
                        l.addressLines().replace("\n", ", "), l.country(), l.pages(), l.barcode(), page);
                page += l.pages();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv.toString();
    }
}
