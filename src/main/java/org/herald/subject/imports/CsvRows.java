package org.herald.subject.imports;

import java.io.Closeable;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * RFC 4180 CSV with a header row, read record by record with Commons CSV. Row numbers count the
 * header as row 1, as a spreadsheet shows them.
 */
public final class CsvRows implements Closeable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final BoundedReader bounded;
    private final Map<String, Integer> columns = new HashMap<>();
    private CSVRecord current;

    public CsvRows(Reader body, long maxRowChars, Set<String> known, Set<String> required) {
        this.bounded = new BoundedReader(withoutByteOrderMark(body), maxRowChars);
        try {
            this.parser = CSVParser.builder().setReader(bounded).setFormat(FORMAT).get();
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new UnreadableBodyException("the header row cannot be read: " + message(e));
        }
        List<String> unknown = new ArrayList<>();
        List<String> names = parser.getHeaderNames();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip().toLowerCase(Locale.ROOT);
            if (!known.contains(name)) {
                unknown.add(name);
            }
            columns.put(name, i);
        }
        if (names.isEmpty()) {
            throw new UnreadableBodyException("the body is empty: a header row is needed");
        }
        if (!unknown.isEmpty()) {
            throw new UnreadableBodyException("unknown column(s) " + unknown + "; known columns are " + known);
        }
        Set<String> missing = new LinkedHashSet<>(required);
        missing.removeAll(columns.keySet());
        if (!missing.isEmpty()) {
            throw new UnreadableBodyException("required column(s) missing: " + missing);
        }
        this.records = parser.iterator();
        bounded.rowDone();
    }

    /** Moves to the next record; {@code false} at the end. */
    public boolean advance() {
        try {
            if (!records.hasNext()) {
                current = null;
                return false;
            }
            current = records.next();
            bounded.rowDone();
            return true;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new UnreadableBodyException("row " + (parser.getRecordNumber() + 2) + " cannot be read as CSV: "
                    + message(e) + "; nothing after it was read");
        }
    }

    public long row() {
        return current.getRecordNumber() + 1;
    }

    /** Whether the record has as many fields as the header. */
    public boolean consistent() {
        return current.size() == columns.size();
    }

    public int width() {
        return current.size();
    }

    public int headerWidth() {
        return columns.size();
    }

    public String get(String column) {
        Integer i = columns.get(column);
        return i == null || i >= current.size() ? null : current.get(i);
    }

    /** A cell holding a list separated by ';', blanks dropped. */
    public List<String> list(String column) {
        String cell = get(column);
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : cell.split(";")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static Reader withoutByteOrderMark(Reader in) {
        PushbackReader reader = new PushbackReader(in, 1);
        try {
            int first = reader.read();
            if (first >= 0 && first != '\uFEFF') {
                reader.unread(first);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reader;
    }

    private static String message(Exception e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return m == null ? root.getClass().getSimpleName() : m;
    }
}
