package org.herald.subject.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Set;

/** Holding rows from NDJSON, one object per line. */
final class HoldingNdjsonReader implements RowReader<HoldingInput> {

    static final Set<String> FIELDS = Set.of("sourceSystem", "externalRef", "system", "category", "since", "until");

    private final NdjsonLines lines;

    HoldingNdjsonReader(Reader body, ObjectMapper json, long maxRowChars) {
        this.lines = new NdjsonLines(body, json, maxRowChars);
    }

    @Override
    public HoldingInput next() {
        NdjsonLines.Line line = lines.next();
        if (line == null) {
            return null;
        }
        HoldingInput in = new HoldingInput(line.row());
        if (line.object() == null) {
            in.errors.addAll(line.errors());
            return in;
        }
        JsonNode o = line.object();
        List<RowError> e = in.errors;
        NdjsonLines.rejectUnknown(o, "", FIELDS, e);
        in.sourceSystem = NdjsonLines.scalar(o, "sourceSystem", "sourceSystem", e);
        in.externalRef = NdjsonLines.scalar(o, "externalRef", "externalRef", e);
        in.system = NdjsonLines.scalar(o, "system", "system", e);
        in.category = NdjsonLines.scalar(o, "category", "category", e);
        in.since = NdjsonLines.scalar(o, "since", "since", e);
        in.until = NdjsonLines.scalar(o, "until", "until", e);
        return in;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
