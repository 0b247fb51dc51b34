package org.herald.subject.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Newline-delimited JSON: one object per line, blank lines skipped, row number = line number.
 * Framing is by newline, so a malformed or over-long line costs only that row.
 */
final class NdjsonLines implements Closeable {

    /** One line: the object, or {@code null} with the reason in {@code errors}. */
    record Line(long row, JsonNode object, List<RowError> errors) {
    }

    private final Reader in;
    private final ObjectMapper json;
    private final int maxChars;
    private final char[] buffer = new char[16_384];
    private int position;
    private int limit;
    private long lineNo;
    private final StringBuilder line = new StringBuilder(512);

    NdjsonLines(Reader in, ObjectMapper json, long maxChars) {
        this.in = in;
        this.json = json;
        this.maxChars = (int) Math.min(Integer.MAX_VALUE - 16, maxChars);
    }

    /** The next non-blank line, or {@code null} at the end of the body. */
    Line next() {
        while (true) {
            line.setLength(0);
            boolean tooLong = false;
            boolean any = false;
            while (true) {
                if (position == limit && !fill()) {
                    break;
                }
                any = true;
                char c = buffer[position++];
                if (c == '\n') {
                    break;
                }
                if (line.length() < maxChars) {
                    line.append(c);
                } else {
                    tooLong = true;
                }
            }
            if (!any) {
                return null;
            }
            lineNo++;
            if (tooLong) {
                return new Line(lineNo, null, List.of(new RowError("line", "is longer than " + maxChars + " characters")));
            }
            String text = line.toString().strip();
            if (lineNo == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1).strip();
            }
            if (text.isEmpty()) {
                continue;
            }
            try {
                JsonNode node = json.readTree(text);
                if (node == null || !node.isObject()) {
                    return new Line(lineNo, null, List.of(new RowError("line", "is not a JSON object")));
                }
                return new Line(lineNo, node, new ArrayList<>());
            } catch (JsonProcessingException e) {
                String where = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
                return new Line(lineNo, null, List.of(new RowError("line", "is not valid JSON" + where)));
            }
        }
    }

    private boolean fill() {
        try {
            int n = in.read(buffer, 0, buffer.length);
            if (n <= 0) {
                return false;
            }
            position = 0;
            limit = n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    // ---- reading fields of one object, every problem reported against its path ----

    static void rejectUnknown(JsonNode object, String prefix, Set<String> known, List<RowError> errors) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            String name = fields.next().getKey();
            if (!known.contains(name)) {
                errors.add(new RowError(prefix + name, "unknown field"));
            }
        }
    }

    /** A single value as text; numbers and booleans in their JSON spelling. */
    static String scalar(JsonNode object, String name, String path, List<RowError> errors) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isContainerNode()) {
            errors.add(new RowError(path, "must be a single value"));
            return null;
        }
        return node.asText();
    }

    /** A list of single values; one value alone counts as a list of one. */
    static List<String> list(JsonNode object, String name, String path, List<RowError> errors) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isValueNode()) {
            return List.of(node.asText());
        }
        if (!node.isArray()) {
            errors.add(new RowError(path, "must be a list"));
            return List.of();
        }
        List<String> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (item.isContainerNode()) {
                errors.add(new RowError(path + "[" + i + "]", "must be a single value"));
            } else if (!item.isNull()) {
                out.add(item.asText());
            }
        }
        return out;
    }

    static JsonNode object(JsonNode parent, String name, String path, List<RowError> errors) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            errors.add(new RowError(path, "must be an object"));
            return null;
        }
        return node;
    }
}
