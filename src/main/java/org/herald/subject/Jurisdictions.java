package org.herald.subject;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Country (ISO 3166-1 alpha-2) and region (ISO 3166-2) codes. Countries are checked against the
 * list the Java runtime carries; regions only by shape and country prefix, because no maintained
 * list of subdivisions ships with Herald.
 */
public final class Jurisdictions {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}-[A-Z0-9]{1,3}");

    private Jurisdictions() {
    }

    public static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }

    /** Whether {@code region} is shaped like an ISO 3166-2 code of {@code country} (e.g. US-CA, GB-SCT). */
    public static boolean isRegionOf(String region, String country) {
        return region != null && REGION.matcher(region).matches() && region.startsWith(country + "-");
    }
}
