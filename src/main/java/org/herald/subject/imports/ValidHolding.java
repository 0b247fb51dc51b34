package org.herald.subject.imports;

import java.time.LocalDate;
import org.herald.incident.DataCategory;

/** A holding row that passed validation; whether its subject exists is checked when it is written. */
record ValidHolding(long row, String sourceSystem, String externalRef, String system, DataCategory category,
        LocalDate since, LocalDate until) implements ImportRow.Valid {

    @Override
    public String key() {
        return sourceSystem + '\u0000' + externalRef + '\u0000' + system + '\u0000' + category;
    }
}
