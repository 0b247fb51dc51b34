package org.herald.regulator.hhs;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.herald.incident.BreachType;
import org.herald.incident.OrganisationRole;
import org.herald.regulator.report.ReportFacts;

/**
 * Incidents as rows of the HHS OCR breach-portal listing: the same column headers and value
 * vocabulary as the published file (dates as ISO yyyy-mm-dd and a trailing Year column, as in the
 * republished copy Herald's tests compare against). A value Herald does not know is left empty.
 */
public final class HhsBreachCsv {

    public static final List<String> HEADER = List.of("Name of Covered Entity", "State", "Covered Entity Type",
            "Individuals Affected", "Breach Submission Date", "Type of Breach", "Location of Breached Information",
            "Business Associate Present", "Web Description", "Year");

    /** The portal's "Type of Breach" vocabulary. */
    public static final Set<String> TYPES = Set.of("Hacking/IT Incident", "Unauthorized Access/Disclosure", "Theft",
            "Loss", "Improper Disposal", "Other", "Unknown");

    /** The portal's "Location of Breached Information" vocabulary (several, comma-separated). */
    public static final List<String> LOCATIONS = List.of("Desktop Computer", "Electronic Medical Record", "Email",
            "Laptop", "Network Server", "Other", "Other Portable Electronic Device", "Paper/Films");

    private HhsBreachCsv() {
    }

    /** One row; {@code submitted} is the filing date (or today for a draft). */
    public static List<String> row(ReportFacts f, LocalDate submitted) {
        Long subjects = f.subjects();
        List<String> row = new ArrayList<>();
        row.add(nz(f.reporter().name()));
        row.add(nz(f.reporter().usState()));
        row.add(nz(f.reporter().hhsEntityType()));
        row.add(subjects == null ? "" : subjects.toString());
        row.add(submitted.toString());
        row.add(nz(typeOfBreach(f)));
        row.add(nz(location(f)));
        row.add(businessAssociate(f));
        row.add(nz(f.situation("en")));
        row.add(String.valueOf(submitted.getYear()));
        return row;
    }

    public static String csv(List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            printer.printRecord(HEADER);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The cause in the portal's words; null when Herald does not know it. */
    public static String typeOfBreach(ReportFacts f) {
        if (f.incident().causeFamily() == null) {
            return f.incident().breachTypes().equals(Set.of(BreachType.AVAILABILITY)) ? "Loss" : null;
        }
        return switch (f.incident().causeFamily()) {
            case HACKING, MALWARE, SOCIAL -> "Hacking/IT Incident";
            case MISUSE, ERROR -> "Unauthorized Access/Disclosure";
            case PHYSICAL -> "Theft";
            case ENVIRONMENTAL -> "Loss";
            case UNKNOWN -> "Unknown";
        };
    }

    /**
     * Where the data was, from the names of the affected systems: names that say e-mail, laptop,
     * desktop, paper, medical record or a portable device map onto those; any other named system is a
     * server-side system, which the portal calls "Network Server".
     */
    public static String location(ReportFacts f) {
        if (f.incident().systems().isEmpty()) {
            return null;
        }
        Set<String> found = new LinkedHashSet<>();
        for (String system : f.incident().systems()) {
            String s = system.toLowerCase(Locale.ROOT);
            if (s.contains("mail")) {
                found.add("Email");
            } else if (s.contains("laptop")) {
                found.add("Laptop");
            } else if (s.contains("desktop") || s.contains("workstation")) {
                found.add("Desktop Computer");
            } else if (s.contains("paper") || s.contains("film") || s.contains("print")) {
                found.add("Paper/Films");
            } else if (s.contains("ehr") || s.contains("emr") || s.contains("medical record")) {
                found.add("Electronic Medical Record");
            } else if (s.contains("phone") || s.contains("tablet") || s.contains("usb") || s.contains("portable")) {
                found.add("Other Portable Electronic Device");
            } else {
                found.add("Network Server");
            }
        }
        // The portal lists locations in alphabetical order.
        return String.join(", ", LOCATIONS.stream().filter(found::contains).toList());
    }

    public static String businessAssociate(ReportFacts f) {
        return f.organisation().role() == OrganisationRole.PROCESSOR ? "Yes" : "No";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
