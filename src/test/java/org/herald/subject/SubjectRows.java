package org.herald.subject;

import java.util.List;

/**
 * Fixture rows for subject imports, obviously fake: names like "Test Person 7", addresses at
 * example.org, phone numbers from the fictional 555-01xx range (US) and libphonenumber's example numbers.
 */
public final class SubjectRows {

    public static final String HEADER = "source_system,external_ref,display_name,locale,country,region,minor,"
            + "birth_year,deceased,emails,phones,address_line1,address_city,address_postal_code,guardian_name,"
            + "guardian_emails,channel_preference,marketing_opt_out";

    /** Ten US area codes × 100 fictional numbers (555-0100 … 555-0199): a thousand distinct valid numbers. */
    private static final List<String> AREA_CODES = List.of("201", "202", "212", "213", "305", "312", "415", "617", "718", "206");

    private SubjectRows() {
    }

    public static String phone(int n) {
        return "+1" + AREA_CODES.get((n / 100) % 10) + "555" + String.format("%04d", 100 + n % 100);
    }

    public static String email(int n) {
        return "person" + n + "@example.org";
    }

    public static String ref(int n) {
        return "REF-" + n;
    }

    /** A good adult US subject with one e-mail address and one phone number. */
    public static String adult(String source, int n) {
        return String.join(",", source, ref(n), "Test Person " + n, "en-US", "US", "US-CA", "false", "1980", "false",
                email(n), phone(n), n + " Example Street", "Springfield", "90210", "", "", "EMAIL;SMS", "true");
    }

    /** A good minor whose guardian has an e-mail address. */
    public static String minor(String source, int n) {
        return String.join(",", source, ref(n), "Test Child " + n, "en-GB", "GB", "GB-ENG", "true", "2015", "false",
                "", "+447400123456", "", "", "", "Test Guardian " + n, "guardian" + n + "@example.org", "EMAIL", "false");
    }

    public static String csv(List<String> rows) {
        return HEADER + "\n" + String.join("\n", rows) + "\n";
    }
}
