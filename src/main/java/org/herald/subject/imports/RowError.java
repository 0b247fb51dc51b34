package org.herald.subject.imports;

/** Why one field of one row was refused. Reasons never repeat a refused name or contact value: those are personal data. */
public record RowError(String field, String reason) {
}
