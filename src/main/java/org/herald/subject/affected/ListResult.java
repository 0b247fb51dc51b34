package org.herald.subject.affected;

import java.net.URI;
import java.util.List;

/** The answer to an uploaded affected-subject list: what matched, and the rows that did not (first ones). */
public record ListResult(long listedRows, long affected, long unmatched, List<UnmatchedRow> firstUnmatched,
        URI summary) {

    /** A list row that named no known subject or could not be read; kept and reported, never dropped. */
    public record UnmatchedRow(long row, String sourceSystem, String externalRef, String reason) {
    }
}
