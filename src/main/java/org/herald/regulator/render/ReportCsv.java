package org.herald.regulator.render;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.herald.regulator.report.RegulatorReport;
import org.herald.regulator.report.ReportField;
import org.herald.regulator.report.ReportSection;

/** A report as CSV: one row per field, with the reason when it is missing. */
public final class ReportCsv {

    public static final String[] HEADER = {"section", "key", "label", "value", "required", "missing"};

    private ReportCsv() {
    }

    public static String write(RegulatorReport report) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            printer.printRecord((Object[]) HEADER);
            for (ReportSection s : report.sections()) {
                for (ReportField f : s.fields()) {
                    printer.printRecord(s.title(), f.key(), f.label(), f.value(), f.required(), f.missing());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
