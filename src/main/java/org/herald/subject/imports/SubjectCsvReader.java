package org.herald.subject.imports;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Subject rows from CSV, one subject per record; the columns are listed in docs/subjects.md. */
final class SubjectCsvReader implements RowReader<SubjectInput> {

    static final Set<String> COLUMNS = Set.of("source_system", "external_ref", "display_name", "locale", "country",
            "region", "minor", "birth_year", "deceased", "emails", "phones", "fcm_tokens", "apns_tokens",
            "webpush_subscription", "address_line1", "address_line2", "address_line3", "address_line4", "address_city",
            "address_region", "address_postal_code", "address_country", "guardian_name", "guardian_emails",
            "guardian_phones", "next_of_kin_name", "next_of_kin_emails", "next_of_kin_phones", "channel_preference",
            "marketing_opt_out");
    static final Set<String> REQUIRED = Set.of("external_ref", "country");

    private static final Pattern ADDRESS_LINE = Pattern.compile("(.*)address\\.lines\\[(\\d+)](.*)");
    private static final Pattern CAMEL = Pattern.compile("([a-z])([A-Z])");

    private final CsvRows csv;

    SubjectCsvReader(Reader body, long maxRowChars) {
        this.csv = new CsvRows(body, maxRowChars, COLUMNS, REQUIRED);
    }

    @Override
    public SubjectInput next() {
        if (!csv.advance()) {
            return null;
        }
        SubjectInput in = new SubjectInput(csv.row());
        if (!csv.consistent()) {
            in.errors.add(new RowError("row", "has " + csv.width() + " fields where the header has " + csv.headerWidth()));
        }
        in.sourceSystem = csv.get("source_system");
        in.externalRef = csv.get("external_ref");
        in.displayName = csv.get("display_name");
        in.locale = csv.get("locale");
        in.country = csv.get("country");
        in.region = csv.get("region");
        in.minor = csv.get("minor");
        in.birthYear = csv.get("birth_year");
        in.deceased = csv.get("deceased");
        in.emails = csv.list("emails");
        in.phones = csv.list("phones");
        List<String> lines = new ArrayList<>(4);
        for (int i = 1; i <= 4; i++) {
            String line = csv.get("address_line" + i);
            if (line != null && !line.isBlank()) {
                lines.add(line);
            }
        }
        in.address = new SubjectInput.Address(lines, csv.get("address_city"), csv.get("address_region"),
                csv.get("address_postal_code"), csv.get("address_country"));
        List<SubjectInput.Push> push = new ArrayList<>();
        List<String> fcm = csv.list("fcm_tokens");
        for (int i = 0; i < fcm.size(); i++) {
            push.add(new SubjectInput.Push("fcm_tokens[" + i + "]", "FCM", fcm.get(i), null));
        }
        List<String> apns = csv.list("apns_tokens");
        for (int i = 0; i < apns.size(); i++) {
            push.add(new SubjectInput.Push("apns_tokens[" + i + "]", "APNS", apns.get(i), null));
        }
        String webPush = csv.get("webpush_subscription");
        if (webPush != null && !webPush.isBlank()) {
            push.add(new SubjectInput.Push("webpush_subscription", "WEBPUSH", webPush, null));
        }
        in.push = push;
        in.guardian = new SubjectInput.Person(csv.get("guardian_name"), csv.list("guardian_emails"),
                csv.list("guardian_phones"), null);
        in.nextOfKin = new SubjectInput.Person(csv.get("next_of_kin_name"), csv.list("next_of_kin_emails"),
                csv.list("next_of_kin_phones"), null);
        in.channelPreference = csv.list("channel_preference");
        in.marketingOptOut = csv.get("marketing_opt_out");
        return in;
    }

    /** {@code guardian.emails[1]} → {@code guardian_emails[1]}, {@code address.lines[0]} → {@code address_line1}. */
    @Override
    public String fieldName(String path) {
        Matcher m = ADDRESS_LINE.matcher(path);
        if (m.matches()) {
            path = m.group(1) + "address_line" + (Integer.parseInt(m.group(2)) + 1) + m.group(3);
        } else if (path.endsWith("address.lines")) {
            path = path.substring(0, path.length() - "lines".length()) + "line1";
        }
        return CAMEL.matcher(path).replaceAll("$1_$2").replace('.', '_').toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
