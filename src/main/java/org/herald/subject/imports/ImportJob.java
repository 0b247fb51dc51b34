package org.herald.subject.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.herald.audit.AuditLog;
import org.herald.security.BlindIndex;
import org.herald.security.FieldCipher;
import org.jboss.logging.Logger;

/**
 * Runs one import: reads the spooled body row by row, validates each row, and writes valid rows
 * in batches. Each batch — its rows, its rejected rows and the import's counters — commits in one
 * transaction, so progress on screen is exactly what is in the registry, and a stopped import
 * can be sent again safely.
 */
@ApplicationScoped
public class ImportJob {

    private static final Logger LOG = Logger.getLogger(ImportJob.class);

    private final AgroalDataSource dataSource;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final ObjectMapper json;
    private final Clock clock;
    private final ImportConfig config;
    private final AuditLog audit;

    ImportJob(AgroalDataSource dataSource, FieldCipher cipher, BlindIndex index, ObjectMapper json, Clock clock,
            ImportConfig config, AuditLog audit) {
        this.dataSource = dataSource;
        this.cipher = cipher;
        this.index = index;
        this.json = json;
        this.clock = clock;
        this.config = config;
        this.audit = audit;
    }

    /** What a worker needs to run an import: its record's fields and the spooled body. */
    record Ticket(UUID id, ImportType type, ImportFormat format, String defaultSource, String actor, ImportSpool spool) {
    }

    /** Opens a reader of the right type and format over a body. */
    RowReader<? extends ImportRow> reader(ImportType type, ImportFormat format, Reader body) {
        long max = config.maxRowSize().asLongValue();
        return switch (type) {
            case SUBJECTS -> format == ImportFormat.CSV ? new SubjectCsvReader(body, max)
                    : new SubjectNdjsonReader(body, json, max);
            case HOLDINGS -> format == ImportFormat.CSV ? new HoldingCsvReader(body, max)
                    : new HoldingNdjsonReader(body, json, max);
        };
    }

    /** A reader that refuses bytes which are not UTF-8 instead of guessing. */
    public static Reader utf8(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    void run(Ticket ticket) {
        Counters counters = new Counters();
        ImportStatus outcome = ImportStatus.FAILED;
        String failure = null;
        try (ImportSpool spool = ticket.spool(); Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!start(connection, ticket.id())) {
                    return;
                }
                try (Reader body = utf8(spool.open())) {
                    failure = switch (ticket.type()) {
                        case SUBJECTS -> {
                            SubjectValidator validator = new SubjectValidator(
                                    clock.instant().atZone(ZoneOffset.UTC).getYear(), json);
                            @SuppressWarnings("unchecked")
                            RowReader<SubjectInput> reader = (RowReader<SubjectInput>) reader(ticket.type(), ticket.format(), body);
                            try (reader; SubjectBatchWriter writer = new SubjectBatchWriter(connection, cipher, index, json, ticket.id())) {
                                yield process(connection, ticket, spool, reader,
                                        in -> validator.validate(in, ticket.defaultSource()), writer, counters);
                            }
                        }
                        case HOLDINGS -> {
                            HoldingValidator validator = new HoldingValidator();
                            @SuppressWarnings("unchecked")
                            RowReader<HoldingInput> reader = (RowReader<HoldingInput>) reader(ticket.type(), ticket.format(), body);
                            try (reader; HoldingBatchWriter writer = new HoldingBatchWriter(connection)) {
                                yield process(connection, ticket, spool, reader,
                                        in -> validator.validate(in, ticket.defaultSource()), writer, counters);
                            }
                        }
                    };
                }
                outcome = failure == null ? ImportStatus.COMPLETED : ImportStatus.FAILED;
            } catch (SQLException | IOException | RuntimeException e) {
                String errorId = UUID.randomUUID().toString();
                // SQL messages can quote row values; the log gets the error class and state only.
                LOG.errorf("Import %s failed (error id %s): %s %s", ticket.id(), errorId, e.getClass().getName(),
                        e instanceof SQLException sql ? "SQLState " + sql.getSQLState() : "");
                failure = "Herald could not finish this import (error id " + errorId + "). Batches committed before "
                        + "are kept; sending the same file again is safe.";
                outcome = ImportStatus.FAILED;
                rollbackQuietly(connection);
            } finally {
                finish(connection, ticket.id(), outcome, failure, counters, spool);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            LOG.errorf("Import %s: no database connection to record its end (SQLState %s)", ticket.id(), e.getSQLState());
            return;
        }
        ImportStatus finalOutcome = outcome;
        QuarkusTransaction.requiringNew().run(() -> audit.recordAs(ticket.actor(), "subject-import", ticket.id(),
                finalOutcome == ImportStatus.COMPLETED ? "completed" : "failed", counters.summary()));
    }

    /**
     * Reads, validates and writes every row; returns why it stopped early, or {@code null} at the
     * end. This thread reads, validates and prepares batches (encryption, COPY encoding) while a
     * second thread writes the previous batch, so the two cores work at the same time; at most one
     * batch is in the database while the next is prepared.
     */
    private <I extends ImportRow, V extends ImportRow.Valid, P> String process(Connection connection, Ticket ticket,
            ImportSpool spool, RowReader<I> reader, Function<I, V> validate, BatchWriter<V, P> writer,
            Counters counters) throws SQLException {
        Map<String, V> batch = new LinkedHashMap<>();
        List<ErrorRow> errors = new ArrayList<>();
        int validInBatch = 0;
        int rejectedInBatch = 0;
        int batchSize = Math.max(1, config.batchSize());
        String stoppedBecause = null;
        ExecutorService database = Executors.newSingleThreadExecutor(r -> new Thread(r, "herald-import-writer"));
        Future<?> inFlight = null;
        try {
            while (true) {
                I in;
                try {
                    in = reader.next();
                } catch (UnreadableBodyException e) {
                    stoppedBecause = "The rest of the file cannot be read: " + e.getMessage();
                    break;
                } catch (UncheckedIOException e) {
                    if (e.getCause() instanceof CharacterCodingException) {
                        stoppedBecause = "The file is not UTF-8 text after row " + counters.rowsRead
                                + "; rows before it were imported";
                        break;
                    }
                    throw e;
                }
                if (in == null) {
                    break;
                }
                counters.rowsRead++;
                V valid = in.errors().isEmpty() ? validate.apply(in) : null;
                if (valid == null) {
                    rejectedInBatch++;
                    List<RowError> rowErrors = in.errors();
                    for (int i = 0; i < rowErrors.size(); i++) {
                        RowError e = rowErrors.get(i);
                        errors.add(new ErrorRow(in.row(), i, reader.fieldName(e.field()), e.reason(), in.externalRef()));
                    }
                } else {
                    batch.put(valid.key(), valid);
                    validInBatch++;
                }
                if (batch.size() >= batchSize || errors.size() >= batchSize) {
                    Pending<P> next = new Pending<>(writer.prepare(batch.values()), validInBatch, rejectedInBatch,
                            List.copyOf(errors), counters.rowsRead, spool.consumed());
                    batch.clear();
                    errors.clear();
                    validInBatch = 0;
                    rejectedInBatch = 0;
                    awaitWritten(inFlight);
                    inFlight = database.submit(() -> {
                        flush(connection, ticket.id(), writer, reader, next, counters);
                        return null;
                    });
                }
            }
            awaitWritten(inFlight);
            inFlight = null;
            flush(connection, ticket.id(), writer, reader, new Pending<>(batch.isEmpty() ? null : writer.prepare(batch.values()),
                    validInBatch, rejectedInBatch, List.copyOf(errors), counters.rowsRead, spool.consumed()), counters);
            return stoppedBecause;
        } finally {
            // Never leave a batch writing on the connection the caller is about to roll back or close.
            if (inFlight != null) {
                try {
                    inFlight.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException ignored) {
                    // the first failure is already on its way up
                }
            }
            database.shutdownNow();
        }
    }

    /** A prepared batch with the counts it carries, as they stood when it was cut. */
    private record Pending<P>(P prepared, int valid, int rejectedByValidation, List<ErrorRow> errors, long rowsRead,
            long bytesRead) {
    }

    private static void awaitWritten(Future<?> inFlight) throws SQLException {
        if (inFlight == null) {
            return;
        }
        try {
            inFlight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Import interrupted", "57014", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Writes one batch, its rejected rows and the import's counters, and commits them together. */
    private <P> void flush(Connection connection, UUID importId, BatchWriter<?, P> writer, RowReader<?> reader,
            Pending<P> batch, Counters counters) throws SQLException {
        Instant now = clock.instant();
        BatchWriter.Written written = batch.prepared() == null ? new BatchWriter.Written(0, List.of())
                : writer.write(batch.prepared(), now);
        List<ErrorRow> errors = new ArrayList<>(batch.errors());
        for (BatchWriter.Refused r : written.refused()) {
            errors.add(new ErrorRow(r.row(), 0, reader.fieldName(r.error().field()), r.error().reason(), r.externalRef()));
        }
        CopyRows copy = new CopyRows();
        for (ErrorRow e : errors) {
            copy.uuid(importId).number(e.row()).number(e.seq()).text(clip(e.field(), 100)).text(clip(e.reason(), 300))
                    .text(clip(e.externalRef(), 200)).endRow();
        }
        copy.copyInto(connection, "subject_import_error (import_id, row_no, seq, field, reason, external_ref)");
        long accepted = counters.accepted + batch.valid() - written.refused().size();
        long rejected = counters.rejected + batch.rejectedByValidation() + written.refused().size();
        long changed = counters.changed + written.changed();
        try (PreparedStatement progress = connection.prepareStatement("""
                UPDATE subject_import SET bytes_read = ?, rows_read = ?, rows_accepted = ?, rows_rejected = ?,
                       rows_changed = ?, progress_at = ?, heartbeat_at = ?
                 WHERE id = ? AND status = 'RUNNING'""")) {
            progress.setLong(1, batch.bytesRead());
            progress.setLong(2, batch.rowsRead());
            progress.setLong(3, accepted);
            progress.setLong(4, rejected);
            progress.setLong(5, changed);
            progress.setTimestamp(6, Timestamp.from(now));
            progress.setTimestamp(7, Timestamp.from(now));
            progress.setObject(8, importId);
            if (progress.executeUpdate() == 0) {
                throw new SQLException("Import " + importId + " is no longer running", "55000");
            }
        }
        connection.commit();
        counters.committedRows = batch.rowsRead();
        counters.accepted = accepted;
        counters.rejected = rejected;
        counters.changed = changed;
    }

    private boolean start(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement start = connection.prepareStatement("""
                UPDATE subject_import SET status = 'RUNNING', started_at = ?, progress_at = ?, heartbeat_at = ?
                 WHERE id = ? AND status = 'QUEUED'""")) {
            Timestamp now = Timestamp.from(clock.instant());
            start.setTimestamp(1, now);
            start.setTimestamp(2, now);
            start.setTimestamp(3, now);
            start.setObject(4, id);
            int started = start.executeUpdate();
            connection.commit();
            return started == 1;
        }
    }

    private void finish(Connection connection, UUID id, ImportStatus status, String failure, Counters counters,
            ImportSpool spool) {
        try (PreparedStatement finish = connection.prepareStatement("""
                UPDATE subject_import SET status = ?, failure = ?, finished_at = ?, progress_at = ?, heartbeat_at = ?,
                       bytes_read = CASE WHEN ? THEN bytes_total ELSE bytes_read END
                 WHERE id = ? AND status = 'RUNNING'""")) {
            Timestamp now = Timestamp.from(clock.instant());
            finish.setString(1, status.name());
            finish.setString(2, clip(failure, 500));
            finish.setTimestamp(3, now);
            finish.setTimestamp(4, now);
            finish.setTimestamp(5, now);
            finish.setBoolean(6, status == ImportStatus.COMPLETED);
            finish.setObject(7, id);
            finish.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            LOG.errorf("Import %s: could not record its end (SQLState %s)", id, e.getSQLState());
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is closed next anyway.
        }
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    /** One rejected field of one row, as stored. */
    private record ErrorRow(long row, int seq, String field, String reason, String externalRef) {
    }

    /** Rows read so far (reading thread) and the counts committed so far (writing thread, one batch at a time). */
    private static final class Counters {
        volatile long rowsRead;
        volatile long committedRows;
        volatile long accepted;
        volatile long rejected;
        volatile long changed;

        Map<String, Object> summary() {
            return Map.of("rowsRead", committedRows, "accepted", accepted, "rejected", rejected, "changed", changed);
        }
    }
}
