package org.herald.subject;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.herald.incident.DataCategory;

/**
 * A subject as the API shows it. {@code disclosure} says what the caller may read: with anything
 * but FULL, contact values are masked ({@code j***@example.org}); with MASKED, names too.
 */
public record SubjectView(UUID id, String sourceSystem, String externalRef, String displayName, String locale,
        String country, String region, boolean minor, Integer birthYear, boolean deceased, List<Contact> emails,
        List<Contact> phones, List<Push> push, Address address, Person guardian, Person nextOfKin,
        List<PreferredChannel> channelPreference, boolean marketingOptOut, List<HoldingView> holdings,
        Disclosure disclosure, Instant updatedAt) {

    /** An e-mail address or an E.164 phone number (with its line type, when known). */
    public record Contact(String value, String lineType) {
    }

    public record Push(PushPlatform platform, String token, boolean active) {
    }

    public record Address(List<String> lines, String city, String region, String postalCode, String country) {
    }

    /** A guardian or next of kin and how to reach them. */
    public record Person(String name, List<Contact> emails, List<Contact> phones, Address address) {
    }

    public record HoldingView(String system, DataCategory category, LocalDate since, LocalDate until) {
    }
}
