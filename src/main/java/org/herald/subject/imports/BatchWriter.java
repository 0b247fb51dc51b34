package org.herald.subject.imports;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Writes one batch of valid rows inside the caller's transaction. */
interface BatchWriter<T> extends AutoCloseable {

    /** What a batch did: rows inserted or updated, and rows refused only at write time (with their reasons). */
    record Written(int changed, List<Refused> refused) {
    }

    record Refused(long row, String externalRef, RowError error) {
    }

    Written write(Collection<T> rows, Instant now) throws SQLException;

    @Override
    void close() throws SQLException;
}
