package org.herald.subject.imports;

import java.time.Instant;
import java.util.UUID;
import org.herald.shared.Page;

/** An import's progress as the API and the console show it, with one page of its rejected rows. */
public record ImportView(UUID id, ImportType type, ImportFormat format, String sourceSystem, ImportStatus status,
        long bytesTotal, long bytesRead, int percent, long rowsRead, long rowsAccepted, long rowsRejected,
        long rowsChanged, double rowsPerSecond, String failure, String createdBy, Instant createdAt,
        Instant startedAt, Instant finishedAt, Page<ImportSubjects.ImportError> errors) {

    static ImportView of(SubjectImport i, Page<ImportSubjects.ImportError> errors) {
        int percent = i.status() == ImportStatus.COMPLETED ? 100
                : i.bytesTotal() == 0 ? 0 : (int) Math.min(99, i.bytesRead() * 100 / i.bytesTotal());
        return new ImportView(i.id(), i.type(), i.format(), i.sourceSystem(), i.status(), i.bytesTotal(), i.bytesRead(),
                percent, i.rowsRead(), i.rowsAccepted(), i.rowsRejected(), i.rowsChanged(), i.rowsPerSecond(),
                i.failure(), i.createdBy(), i.createdAt(), i.startedAt(), i.finishedAt(), errors);
    }
}
