package org.herald.subject.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The rejected rows of an import as CSV (row, field, reason, external_ref), streamed from the database. */
final class ImportErrorsCsv {

    private ImportErrorsCsv() {
    }

    static void write(ImportSubjects imports, UUID id, OutputStream out) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                .setHeader("row", "field", "reason", "external_ref").get());
        try {
            imports.eachError(id, e -> {
                try {
                    csv.printRecord(e.row(), e.field(), e.reason(), inert(e.externalRef()));
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
    }

    /** A spreadsheet must not read a reference from the uploaded file as a formula (CSV injection). */
    static String inert(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
