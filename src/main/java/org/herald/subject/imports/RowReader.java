package org.herald.subject.imports;

import java.io.Closeable;

/** Reads an import body one row at a time; nothing beyond the current row is held in memory. */
interface RowReader<T> extends Closeable {

    /**
     * The next row, possibly carrying read errors, or {@code null} at the end of the body.
     *
     * @throws UnreadableBodyException when the rest of the body cannot be read as rows
     */
    T next();

    /** Translates a field path of {@link SubjectValidator} errors into this format's own naming. */
    default String fieldName(String path) {
        return path;
    }
}
