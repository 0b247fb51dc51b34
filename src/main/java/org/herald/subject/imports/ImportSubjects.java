package org.herald.subject.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import io.agroal.api.AgroalDataSource;
import org.herald.audit.AuditLog;
import org.herald.shared.Page;
import org.herald.shared.problem.Problem;
import org.herald.shared.problem.ProblemException;
import org.herald.subject.SourceSystems;

/**
 * Receives an import: spools the body to disk while the request streams it in, checks that it can
 * be read at all (a CSV header Herald knows), records the import and hands it to a worker. The
 * caller gets the import's id at once; progress is read from the database.
 */
@ApplicationScoped
public class ImportSubjects {

    private final ImportWorkers workers;
    private final ImportJob job;
    private final SubjectImportRepository imports;
    private final AuditLog audit;
    private final Clock clock;
    private final ImportConfig config;
    private final EntityManager em;
    private final AgroalDataSource dataSource;

    ImportSubjects(ImportWorkers workers, ImportJob job, SubjectImportRepository imports, AuditLog audit, Clock clock,
            ImportConfig config, EntityManager em, AgroalDataSource dataSource) {
        this.workers = workers;
        this.job = job;
        this.imports = imports;
        this.audit = audit;
        this.clock = clock;
        this.config = config;
        this.em = em;
        this.dataSource = dataSource;
    }

    /** Starts an import of {@code body}; returns its id as soon as the body is safely received. */
    public UUID start(String type, String contentType, String source, InputStream body, String actor) {
        ImportType importType = ImportType.parse(type).orElseThrow(
                () -> ProblemException.invalid("type", "must be subjects or holdings"));
        ImportFormat format = ImportFormat.ofContentType(contentType).orElseThrow(() -> new ProblemException(415,
                "unsupported-media-type", "Unsupported Media Type", "Send text/csv or application/x-ndjson"));
        requireUtf8(contentType);
        String defaultSource = SubjectValidator.blankToNull(source);
        if (defaultSource != null && !SourceSystems.isValid(defaultSource)) {
            throw ProblemException.invalid("source", SourceSystems.RULE);
        }
        ImportSpool spool = receive(body);
        try {
            checkReadable(importType, format, spool);
            UUID id = UUID.randomUUID();
            QuarkusTransaction.requiringNew().run(() -> {
                imports.persist(new SubjectImport(id, importType, format, defaultSource, spool.size(), actor,
                        clock.instant()));
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("type", importType.name());
                summary.put("format", format.name());
                summary.put("bytes", spool.size());
                if (defaultSource != null) {
                    summary.put("source", defaultSource);
                }
                audit.recordAs(actor, "subject-import", id, "received", summary);
            });
            workers.submit(new ImportJob.Ticket(id, importType, format, defaultSource, actor, spool));
            return id;
        } catch (RuntimeException e) {
            spool.close();
            throw e;
        }
    }

    private ImportSpool receive(InputStream body) {
        try {
            return ImportSpool.receive(body, workers.spoolDir(), config.maxBodySize().asLongValue());
        } catch (ImportSpool.TooLarge e) {
            throw new ProblemException(413, "request-entity-too-large", "Request Entity Too Large",
                    "An import body may hold at most " + config.maxBodySize().asLongValue() + " bytes");
        } catch (IOException e) {
            throw new ProblemException(400, "upload-incomplete", "Upload incomplete",
                    "The body could not be received completely; send it again");
        }
    }

    /** Refuses a body whose very start cannot be read (unknown CSV columns, empty CSV) before accepting it. */
    private void checkReadable(ImportType type, ImportFormat format, ImportSpool spool) {
        if (format != ImportFormat.CSV) {
            return;
        }
        try (Reader body = ImportJob.utf8(spool.open()); RowReader<?> reader = job.reader(type, format, body)) {
            // Constructing the reader reads and checks the header row.
        } catch (UnreadableBodyException e) {
            throw new ProblemException(400, "validation", "Invalid request", "header: " + e.getMessage(),
                    List.of(new Problem.FieldError("header", e.getMessage())));
        } catch (IOException | UncheckedIOException e) {
            throw ProblemException.invalid("header", "cannot be read as UTF-8 CSV");
        }
    }

    public SubjectImport find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> imports.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Import", id)));
    }

    public List<SubjectImport> latest(int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> imports.latest(page, size));
    }

    /** One rejected field of one row. */
    public record ImportError(long row, String field, String reason, String externalRef) {
    }

    public Page<ImportError> errors(UUID id, int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    SELECT row_no, field, reason, external_ref FROM subject_import_error
                     WHERE import_id = ?1 ORDER BY row_no, seq LIMIT ?2 OFFSET ?3""")
                    .setParameter(1, id).setParameter(2, size).setParameter(3, (long) page * size).getResultList();
            long total = ((Number) em.createNativeQuery("SELECT count(*) FROM subject_import_error WHERE import_id = ?1")
                    .setParameter(1, id).getSingleResult()).longValue();
            List<ImportError> items = new ArrayList<>(rows.size());
            for (Object[] r : rows) {
                items.add(new ImportError(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3]));
            }
            return new Page<>(items, page, size, total);
        });
    }

    /** Streams every error of an import in row order, without holding them in memory. */
    public void eachError(UUID id, Consumer<ImportError> sink) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            // A cursor (fetch size) needs a transaction in the PostgreSQL driver.
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT row_no, field, reason, external_ref FROM subject_import_error
                     WHERE import_id = ? ORDER BY row_no, seq""")) {
                s.setFetchSize(1_000);
                s.setObject(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new ImportError(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the errors of import " + id + " failed", e);
        }
    }

    private static void requireUtf8(String contentType) {
        for (String param : contentType.split(";")) {
            String p = param.strip().toLowerCase(java.util.Locale.ROOT);
            if (p.startsWith("charset=")) {
                String charset = p.substring("charset=".length()).replace("\"", "");
                if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                    throw new ProblemException(415, "unsupported-media-type", "Unsupported Media Type",
                            "Import bodies must be UTF-8, not " + charset);
                }
            }
        }
    }
}
