package org.herald.subject.imports;

/**
 * Where an import stands. {@code INTERRUPTED} means the replica that ran it stopped before the end;
 * every batch before that point is kept, and sending the same file again is safe (rows are upserted).
 */
public enum ImportStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED,
    INTERRUPTED;

    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == INTERRUPTED;
    }
}
