package org.herald.subject.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * One subject row as read from CSV or NDJSON, before validation: every value still text. Field
 * names in errors are NDJSON paths ({@code guardian.emails[1]}); the CSV reader translates them
 * to its column names.
 */
final class SubjectInput implements ImportRow {

    /** A person's contact block: the subject's own, their guardian's or next of kin's. */
    record Person(String name, List<String> emails, List<String> phones, Address address) {
        static final Person NONE = new Person(null, List.of(), List.of(), null);

        boolean isEmpty() {
            return (name == null || name.isBlank()) && emails.isEmpty() && phones.isEmpty() && address == null;
        }
    }

    record Address(List<String> lines, String city, String region, String postalCode, String country) {
    }

    /** A push registration; {@code field} names it in errors (CSV and NDJSON differ). */
    record Push(String field, String platform, String token, String active) {
    }

    final long row;
    final List<RowError> errors = new ArrayList<>();
    String sourceSystem;
    String externalRef;
    String displayName;
    String locale;
    String country;
    String region;
    String minor;
    String birthYear;
    String deceased;
    List<String> emails = List.of();
    List<String> phones = List.of();
    Address address;
    List<Push> push = List.of();
    Person guardian = Person.NONE;
    Person nextOfKin = Person.NONE;
    List<String> channelPreference = List.of();
    String marketingOptOut;

    SubjectInput(long row) {
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
