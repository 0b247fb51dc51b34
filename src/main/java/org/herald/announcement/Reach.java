package org.herald.announcement;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The affected subjects of an incident counted by jurisdiction and by the ways their addressee can
 * be reached: a handful of rows however many millions of people there are.
 */
public record Reach(List<Row> rows) {

    /** Subjects of one country/region with the same reachability. */
    public record Row(String country, String region, boolean email, boolean phone, boolean push, boolean postal,
            long subjects) {

        boolean nothing() {
            return !(email || phone || push || postal);
        }

        /** A subject is covered by a country list (empty: every country) and, if given, a region list. */
        boolean coveredBy(Set<String> countries, Set<String> regions) {
            boolean countryOk = countries == null || countries.isEmpty() || countries.contains(country);
            boolean regionOk = regions == null || regions.isEmpty() || (region != null && regions.contains(region));
            return countryOk && regionOk;
        }
    }

    public Reach covered(Set<String> countries, Set<String> regions) {
        return new Reach(rows.stream().filter(r -> r.coveredBy(countries, regions)).toList());
    }

    public long subjects() {
        return rows.stream().mapToLong(Row::subjects).sum();
    }

    public long withoutContact() {
        return rows.stream().filter(Row::nothing).mapToLong(Row::subjects).sum();
    }

    /**
     * What telling these subjects one by one costs: each on the cheapest channel their addressee has,
     * at the configured per-notice cost. Subjects without any contact point add nothing: they cannot
     * be told at any price, which the contact conditions count instead.
     */
    public BigDecimal forecastCost(Map<String, BigDecimal> perNotice) {
        BigDecimal total = BigDecimal.ZERO;
        for (Row r : rows) {
            BigDecimal cheapest = null;
            cheapest = cheaper(cheapest, r.email(), perNotice.get("email"));
            cheapest = cheaper(cheapest, r.phone(), perNotice.get("sms"));
            cheapest = cheaper(cheapest, r.push(), perNotice.get("push"));
            cheapest = cheaper(cheapest, r.postal(), perNotice.get("letter"));
            if (cheapest != null) {
                total = total.add(cheapest.multiply(BigDecimal.valueOf(r.subjects())));
            }
        }
        return total;
    }

    private static BigDecimal cheaper(BigDecimal current, boolean has, BigDecimal cost) {
        if (!has) {
            return current;
        }
        BigDecimal c = cost == null ? BigDecimal.ZERO : cost;
        return current == null || c.compareTo(current) < 0 ? c : current;
    }
}
