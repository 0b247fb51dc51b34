package org.herald.subject.imports;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Writes batches of valid rows in two steps, so that the import can prepare the next batch (CPU:
 * encryption, encoding) while the database writes the current one.
 *
 * @param <T> the valid row
 * @param <P> a batch prepared for the database
 */
interface BatchWriter<T, P> extends AutoCloseable {

    /** What a batch did: rows inserted or updated, and rows refused only at write time (with their reasons). */
    record Written(int changed, List<Refused> refused) {
    }

    record Refused(long row, String externalRef, RowError error) {
    }

    /** Turns rows into what the database is sent; touches no connection, runs on the reading thread. */
    P prepare(Collection<T> rows);

    /** Writes a prepared batch inside the caller's transaction; runs on the writing thread. */
    Written write(P batch, Instant now) throws SQLException;

    @Override
    void close() throws SQLException;
}
