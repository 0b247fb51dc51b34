package org.herald.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A postal address as the letter channel prints it: street lines, city, region, postal code and
 * an ISO 3166-1 alpha-2 country. The channel lays it out; where it came from is not its business.
 */
public record PostalAddressLines(List<String> lines, String city, String region, String postalCode, String country) {

    public PostalAddressLines {
        lines = lines == null ? List.of() : lines.stream().filter(Objects::nonNull).map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
        Objects.requireNonNull(country, "country");
        country = country.strip().toUpperCase(Locale.ROOT);
        if (lines.isEmpty() && (city == null || city.isBlank())) {
            throw new IllegalArgumentException("an address needs at least a street line or a city");
        }
    }

    /**
     * The lines under the addressee's name, in a common international order: street lines, then
     * postal code and city, then region, then the country's name in English for mail leaving it.
     */
    public List<String> printed() {
        List<String> out = new ArrayList<>(lines);
        String town = String.join(" ", nonBlank(postalCode), nonBlank(city)).strip();
        if (!town.isEmpty()) {
            out.add(town);
        }
        if (region != null && !region.isBlank()) {
            out.add(region.strip());
        }
        String name = new Locale("", country).getDisplayCountry(Locale.ENGLISH);
        out.add((name.isBlank() ? country : name).toUpperCase(Locale.ROOT));
        return out;
    }

    private static String nonBlank(String s) {
        return s == null ? "" : s.strip();
    }

    /** The country only: an address is personal data and never logged. */
    @Override
    public String toString() {
        return "PostalAddressLines[" + country + "]";
    }
}
