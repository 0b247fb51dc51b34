package org.herald.subject.imports;

import java.util.ArrayList;
import java.util.List;

/** One holding row as read, before validation. */
final class HoldingInput implements ImportRow {

    final long row;
    final List<RowError> errors = new ArrayList<>();
    String sourceSystem;
    String externalRef;
    String system;
    String category;
    String since;
    String until;

    HoldingInput(long row) {
        this.row = row;
    }

    @Override
    public long row() {
        return row;
    }

    @Override
    public String externalRef() {
        return externalRef;
    }

    @Override
    public List<RowError> errors() {
        return errors;
    }
}
