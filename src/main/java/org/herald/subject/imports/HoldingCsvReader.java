package org.herald.subject.imports;

import java.io.IOException;
import java.io.Reader;
import java.util.Set;

/** Holding rows from CSV: one system × category × subject per record. */
final class HoldingCsvReader implements RowReader<HoldingInput> {

    static final Set<String> COLUMNS = Set.of("source_system", "external_ref", "system", "category", "since", "until");
    static final Set<String> REQUIRED = Set.of("external_ref", "system", "category");

    private final CsvRows csv;

    HoldingCsvReader(Reader body, long maxRowChars) {
        this.csv = new CsvRows(body, maxRowChars, COLUMNS, REQUIRED);
    }

    @Override
    public HoldingInput next() {
        if (!csv.advance()) {
            return null;
        }
        HoldingInput in = new HoldingInput(csv.row());
        if (!csv.consistent()) {
            in.errors.add(new RowError("row", "has " + csv.width() + " fields where the header has " + csv.headerWidth()));
        }
        in.sourceSystem = csv.get("source_system");
        in.externalRef = csv.get("external_ref");
        in.system = csv.get("system");
        in.category = csv.get("category");
        in.since = csv.get("since");
        in.until = csv.get("until");
        return in;
    }

    @Override
    public String fieldName(String path) {
        return switch (path) {
            case "sourceSystem" -> "source_system";
            case "externalRef" -> "external_ref";
            default -> path;
        };
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
