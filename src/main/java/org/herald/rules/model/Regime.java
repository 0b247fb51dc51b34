package org.herald.rules.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One notification law of one jurisdiction, as its rule file states it (docs/rules.md). The field
 * names follow the rules matrix; every value was checked against {@code rules/rule.schema.json}
 * before this record was built.
 *
 * @param jurisdiction ISO 3166-1 country, ISO 3166-2 region ({@code US-CA}) or {@code EU}
 * @param status {@code in_force}, {@code enacted_not_in_force}, {@code proposal}, {@code draft} or
 *     {@code guidance}; only {@code in_force} and {@code guidance} create obligations, and only from
 *     {@code effectiveFrom}
 * @param confidence {@code primary}, {@code secondary} or {@code unconfirmed}: how sure the rule data is
 * @param timeZone the zone in which day-based deadlines end (end of day, business days)
 * @param businessCalendar the holiday calendar for business-day deadlines ({@code US}, {@code BR}, ...)
 */
public record Regime(String regimeId, String name, String jurisdiction, Coverage coverage, List<String> citations,
        List<String> sourceUrls, String status, LocalDate effectiveFrom, LocalDate effectiveTo,
        LocalDate lastVerifiedAt, String confidence, String bindingForce, String timeZone, String businessCalendar,
        Applicability applicability, Trigger trigger, List<NoticeRule> notices, SubstituteRule substituteNotice,
        List<String> notes) {

    public Regime {
        citations = citations == null ? List.of() : List.copyOf(citations);
        sourceUrls = sourceUrls == null ? List.of() : List.copyOf(sourceUrls);
        notices = notices == null ? List.of() : List.copyOf(notices);
        notes = notes == null ? List.of() : List.copyOf(notes);
        applicability = applicability == null ? Applicability.ANY : applicability;
        trigger = trigger == null ? Trigger.NONE : trigger;
    }

    /** Where the regime's people live: countries, and within them optionally regions. */
    public record Coverage(List<String> countries, List<String> regions) {
        public Coverage {
            countries = countries == null ? List.of() : List.copyOf(countries);
            regions = regions == null ? List.of() : List.copyOf(regions);
        }

        /** Whether a subject in {@code country} and {@code region} (may be null) is covered. */
        public boolean covers(String country, String region) {
            return countries.contains(country) && (regions.isEmpty() || (region != null && regions.contains(region)));
        }
    }

    /**
     * Who the law binds.
     *
     * @param roles organisation roles it binds ({@code controller}, {@code processor}); empty = any
     * @param organisation organisation facts that must all hold ({@code hipaa_covered_entity},
     *     {@code listed_company}, {@code dfs_regulated}, {@code critical_infrastructure})
     * @param subjectNexus {@code resident_of_jurisdiction} (needs affected residents),
     *     {@code establishment_or_residents} (residents, or the organisation established there) or
     *     {@code organisation} (the organisation facts alone, e.g. SEC, NYDFS)
     * @param dataCategoriesAny the law covers the incident only when one of these categories was exposed
     */
    public record Applicability(List<String> roles, List<String> organisation, String subjectNexus,
            List<String> dataCategoriesAny) {
        static final Applicability ANY = new Applicability(null, null, null, null);

        public Applicability {
            roles = roles == null ? List.of() : List.copyOf(roles);
            organisation = organisation == null ? List.of() : List.copyOf(organisation);
            subjectNexus = subjectNexus == null ? "resident_of_jurisdiction" : subjectNexus;
            dataCategoriesAny = dataCategoriesAny == null ? List.of() : List.copyOf(dataCategoriesAny);
        }
    }

    /**
     * What makes an event notifiable under the law at all.
     *
     * @param harmThreshold the default harm test of every notice ({@code none}, {@code any_risk},
     *     {@code high_risk}, ...); a notice may set its own
     * @param safeHarbors exemptions that remove every obligation of the regime
     */
    public record Trigger(String harmThreshold, Boolean includesSuspectedOrPossible, List<String> safeHarbors,
            List<String> breachTypes, Condition condition) {
        static final Trigger NONE = new Trigger(null, null, null, null, null);

        public Trigger {
            harmThreshold = harmThreshold == null ? "none" : harmThreshold;
            includesSuspectedOrPossible = includesSuspectedOrPossible != null && includesSuspectedOrPossible;
            safeHarbors = safeHarbors == null ? List.of() : List.copyOf(safeHarbors);
            breachTypes = breachTypes == null ? List.of() : List.copyOf(breachTypes);
        }
    }
}
