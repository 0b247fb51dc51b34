package org.herald.subject.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.herald.subject.AddressParts;
import org.herald.subject.ContactKind;
import org.herald.subject.ContactOwner;
import org.herald.subject.EmailAddresses;
import org.herald.subject.Jurisdictions;
import org.herald.subject.PhoneNumbers;
import org.herald.subject.PreferredChannel;
import org.herald.subject.PushPlatform;
import org.herald.subject.SourceSystems;

/**
 * Checks one subject row and brings every value to its normal form. All problems of a row are
 * reported together, one per field, so a file can be corrected in one pass.
 */
final class SubjectValidator {

    static final int MAX_CONTACTS_PER_KIND = 10;
    static final int MAX_ADDRESS_LINES = 4;
    private static final Pattern APNS_TOKEN = Pattern.compile("[0-9a-fA-F]{64,200}");
    private static final Pattern FCM_TOKEN = Pattern.compile("[A-Za-z0-9:_\\-.]{20,4096}");
    /** Oldest plausible birth year; also keeps the column inside smallint. */
    private static final int FIRST_BIRTH_YEAR = 1880;

    private final int currentYear;
    private final ObjectMapper json;

    SubjectValidator(int currentYear, ObjectMapper json) {
        this.currentYear = currentYear;
        this.json = json;
    }

    /** The row in normal form, or {@code null} with the reasons added to {@code in.errors}. */
    ValidSubject validate(SubjectInput in, String defaultSource) {
        List<RowError> errors = in.errors;
        String source = sourceSystem(in.sourceSystem, defaultSource, errors);
        String ref = externalRef(in.externalRef, errors);
        String name = text(in.displayName, "displayName", 200, errors);
        String locale = locale(in.locale, errors);
        String country = country(in.country, "country", true, errors);
        String region = region(in.region, country, errors);
        boolean minor = bool(in.minor, "minor", errors);
        Integer birthYear = birthYear(in.birthYear, errors);
        boolean deceased = bool(in.deceased, "deceased", errors);

        List<ValidSubject.Contact> contacts = new ArrayList<>();
        List<ValidSubject.Address> addresses = new ArrayList<>();
        contacts(ContactOwner.SUBJECT, "", in.emails, in.phones, country, contacts, errors);
        address(ContactOwner.SUBJECT, "address", in.address, country, addresses, errors);
        String guardianName = person(ContactOwner.GUARDIAN, "guardian", in.guardian, country, contacts, addresses, errors);
        String nextOfKinName = person(ContactOwner.NEXT_OF_KIN, "nextOfKin", in.nextOfKin, country, contacts, addresses,
                errors);
        List<ValidSubject.Push> push = push(in.push, errors);
        List<PreferredChannel> channels = channels(in.channelPreference, errors);
        boolean marketingOptOut = bool(in.marketingOptOut, "marketingOptOut", errors);

        if (!errors.isEmpty()) {
            return null;
        }
        return new ValidSubject(in.row, source, ref, name, locale, country, region, minor, birthYear, deceased,
                guardianName, nextOfKinName, contacts, push, addresses, channels, marketingOptOut);
    }

    static String sourceSystem(String value, String defaultSource, List<RowError> errors) {
        String source = blankToNull(value);
        if (source == null) {
            source = blankToNull(defaultSource);
        }
        if (source == null) {
            errors.add(new RowError("sourceSystem", "is missing: give it per row or as the import's source parameter"));
        } else if (!SourceSystems.isValid(source)) {
            errors.add(new RowError("sourceSystem", SourceSystems.RULE));
        }
        return source;
    }

    static String externalRef(String value, List<RowError> errors) {
        String ref = blankToNull(value);
        if (ref == null) {
            errors.add(new RowError("externalRef", "is missing"));
        } else if (ref.length() > 200) {
            errors.add(new RowError("externalRef", "is longer than 200 characters"));
        }
        return ref;
    }

    static String country(String value, String field, boolean required, List<RowError> errors) {
        String country = blankToNull(value);
        if (country == null) {
            if (required) {
                errors.add(new RowError(field, "is missing"));
            }
            return null;
        }
        country = country.toUpperCase(Locale.ROOT);
        if (!Jurisdictions.isCountry(country)) {
            errors.add(new RowError(field, "unknown country: '" + clip(country) + "' is not an ISO 3166-1 alpha-2 code"));
            return null;
        }
        return country;
    }

    private static String region(String value, String country, List<RowError> errors) {
        String region = blankToNull(value);
        if (region == null) {
            return null;
        }
        region = region.toUpperCase(Locale.ROOT);
        if (country != null && !Jurisdictions.isRegionOf(region, country)) {
            errors.add(new RowError("region", "'" + clip(region) + "' is not an ISO 3166-2 code of " + country
                    + " (such as " + country + "-XX)"));
        }
        return region;
    }

    private static String locale(String value, List<RowError> errors) {
        String tag = blankToNull(value);
        if (tag == null) {
            return null;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag.replace('_', '-')).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllformedLocaleException("no language");
            }
            return locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            errors.add(new RowError("locale", "'" + clip(tag) + "' is not a BCP 47 language tag (such as en-GB)"));
            return null;
        }
    }

    static boolean bool(String value, String field, List<RowError> errors) {
        String v = blankToNull(value);
        if (v == null) {
            return false;
        }
        switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1":
                return true;
            case "false", "no", "n", "0":
                return false;
            default:
                errors.add(new RowError(field, "must be true or false"));
                return false;
        }
    }

    private Integer birthYear(String value, List<RowError> errors) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            int year = Integer.parseInt(v);
            if (year >= FIRST_BIRTH_YEAR && year <= currentYear) {
                return year;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new RowError("birthYear", "must be a year between " + FIRST_BIRTH_YEAR + " and " + currentYear));
        return null;
    }

    private static String text(String value, String field, int max, List<RowError> errors) {
        String v = blankToNull(value);
        if (v != null && v.length() > max) {
            errors.add(new RowError(field, "is longer than " + max + " characters"));
        }
        return v;
    }

    private String person(ContactOwner owner, String prefix, SubjectInput.Person person, String country,
            List<ValidSubject.Contact> contacts, List<ValidSubject.Address> addresses, List<RowError> errors) {
        if (person == null || person.isEmpty()) {
            return null;
        }
        String name = text(person.name(), prefix + ".name", 200, errors);
        contacts(owner, prefix + ".", person.emails(), person.phones(), country, contacts, errors);
        address(owner, prefix + ".address", person.address(), country, addresses, errors);
        return name;
    }

    private static void contacts(ContactOwner owner, String prefix, List<String> emails, List<String> phones,
            String country, List<ValidSubject.Contact> out, List<RowError> errors) {
        if (emails.size() > MAX_CONTACTS_PER_KIND) {
            errors.add(new RowError(prefix + "emails", "holds more than " + MAX_CONTACTS_PER_KIND + " addresses"));
        }
        if (phones.size() > MAX_CONTACTS_PER_KIND) {
            errors.add(new RowError(prefix + "phones", "holds more than " + MAX_CONTACTS_PER_KIND + " numbers"));
        }
        Set<String> seen = new HashSet<>();
        int position = 0;
        for (int i = 0; i < emails.size(); i++) {
            Optional<String> email = EmailAddresses.normalise(emails.get(i));
            if (email.isEmpty()) {
                errors.add(new RowError(prefix + "emails[" + i + "]", "is not a valid e-mail address"));
            } else {
                String index = EmailAddresses.indexForm(email.get());
                if (seen.add("E" + index)) {
                    out.add(new ValidSubject.Contact(owner, ContactKind.EMAIL, email.get(), index, null, position++));
                }
            }
        }
        position = 0;
        for (int i = 0; i < phones.size(); i++) {
            try {
                PhoneNumbers.Phone phone = PhoneNumbers.normalise(phones.get(i), country);
                if (seen.add("P" + phone.e164())) {
                    out.add(new ValidSubject.Contact(owner, ContactKind.PHONE, phone.e164(), phone.e164(),
                            phone.lineType(), position++));
                }
            } catch (PhoneNumbers.InvalidPhone e) {
                errors.add(new RowError(prefix + "phones[" + i + "]", "unparseable phone: " + e.getMessage()));
            }
        }
    }

    private static void address(ContactOwner owner, String field, SubjectInput.Address address, String subjectCountry,
            List<ValidSubject.Address> out, List<RowError> errors) {
        if (address == null) {
            return;
        }
        List<String> lines = address.lines().stream().map(SubjectValidator::blankToNull).filter(l -> l != null).toList();
        String city = blankToNull(address.city());
        String region = blankToNull(address.region());
        String postalCode = blankToNull(address.postalCode());
        if (lines.isEmpty() && city == null && region == null && postalCode == null && blankToNull(address.country()) == null) {
            return;
        }
        int before = errors.size();
        if (lines.isEmpty()) {
            errors.add(new RowError(field + ".lines", "is missing: an address needs at least one line"));
        }
        if (lines.size() > MAX_ADDRESS_LINES) {
            errors.add(new RowError(field + ".lines", "holds more than " + MAX_ADDRESS_LINES + " lines"));
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).length() > 200) {
                errors.add(new RowError(field + ".lines[" + i + "]", "is longer than 200 characters"));
            }
        }
        text(city, field + ".city", 100, errors);
        text(region, field + ".region", 100, errors);
        text(postalCode, field + ".postalCode", 20, errors);
        // Without a country of its own the address is in the subject's country (already checked).
        String country = blankToNull(address.country()) == null ? subjectCountry
                : country(address.country(), field + ".country", true, errors);
        if (errors.size() == before) {
            out.add(new ValidSubject.Address(owner, new AddressParts(lines, city, region, postalCode), country));
        }
    }

    private List<ValidSubject.Push> push(List<SubjectInput.Push> push, List<RowError> errors) {
        if (push.size() > MAX_CONTACTS_PER_KIND) {
            errors.add(new RowError("push", "holds more than " + MAX_CONTACTS_PER_KIND + " registrations"));
        }
        List<ValidSubject.Push> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SubjectInput.Push p : push) {
            PushPlatform platform;
            try {
                platform = PushPlatform.valueOf(blankToNull(p.platform()) == null ? "" : p.platform().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new RowError(p.field() + ".platform", "must be one of FCM, APNS, WEBPUSH"));
                continue;
            }
            String token = blankToNull(p.token());
            String normal = token == null ? null : switch (platform) {
                case FCM -> FCM_TOKEN.matcher(token).matches() ? token : null;
                case APNS -> APNS_TOKEN.matcher(token).matches() ? token.toLowerCase(Locale.ROOT) : null;
                case WEBPUSH -> webPushSubscription(token);
            };
            if (normal == null) {
                errors.add(new RowError(p.field(), switch (platform) {
                    case FCM -> "is not an FCM registration token";
                    case APNS -> "is not an APNs device token (64 or more hexadecimal digits)";
                    case WEBPUSH -> "is not a Web Push subscription (JSON with an https endpoint and keys p256dh, auth)";
                }));
                continue;
            }
            boolean active = !"false".equalsIgnoreCase(blankToNull(p.active()) == null ? "true" : p.active().strip());
            if (seen.add(platform + normal)) {
                out.add(new ValidSubject.Push(platform, normal, active));
            }
        }
        return out;
    }

    /** The subscription in compact JSON with only the fields Web Push needs, or {@code null} if it is not one. */
    private String webPushSubscription(String value) {
        try {
            JsonNode node = json.readTree(value);
            JsonNode endpoint = node.path("endpoint");
            JsonNode keys = node.path("keys");
            if (!endpoint.isTextual() || !endpoint.asText().startsWith("https://")
                    || !keys.path("p256dh").isTextual() || !keys.path("auth").isTextual()) {
                return null;
            }
            var compact = json.createObjectNode();
            compact.put("endpoint", endpoint.asText());
            compact.putObject("keys").put("p256dh", keys.get("p256dh").asText()).put("auth", keys.get("auth").asText());
            return json.writeValueAsString(compact);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static List<PreferredChannel> channels(List<String> values, List<RowError> errors) {
        Set<PreferredChannel> channels = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String v = blankToNull(values.get(i));
            if (v == null) {
                continue;
            }
            try {
                channels.add(PreferredChannel.valueOf(v.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add(new RowError("channelPreference[" + i + "]", "'" + clip(v) + "' is not one of EMAIL, SMS, PUSH, VOICE, LETTER"));
            }
        }
        return List.copyOf(channels);
    }

    static String blankToNull(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        return v.isEmpty() ? null : v;
    }

    /** Codes (countries, channels) may be echoed in a reason, but never at length. */
    static String clip(String value) {
        return value.length() <= 12 ? value : value.substring(0, 12) + "…";
    }
}
