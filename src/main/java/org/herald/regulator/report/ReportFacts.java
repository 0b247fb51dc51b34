package org.herald.regulator.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.herald.incident.DataCategory;
import org.herald.incident.Incident;
import org.herald.incident.IncidentContent;
import org.herald.incident.OrganisationProfile;
import org.herald.incident.PartialTime;
import org.herald.notice.DeliveryStatistics;
import org.herald.rules.ObligationView;
import org.herald.subject.affected.AffectedSummary;

/**
 * Everything Herald knows that a regulator report can draw on, read once per report: the incident,
 * the organisation, who is affected, the obligations (authorities, due times), how the notices
 * went, the public announcement, and the authority's reference from the last filing with it.
 * {@code affected} is null when no scope was defined; {@code announcement} is null until an
 * announcement has been published.
 */
public record ReportFacts(Incident incident, OrganisationProfile organisation, Reporter reporter,
        AffectedSummary affected, List<ObligationView> obligations, DeliveryStatistics delivery,
        PublishedAnnouncement announcement, String lastFilingReference, Instant now) {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    /** The notice content in the language asked for, else English, else any. */
    public Optional<IncidentContent> content(String language) {
        Map<String, IncidentContent> byLocale = incident.content();
        for (Map.Entry<String, IncidentContent> e : byLocale.entrySet()) {
            if (e.getKey().equalsIgnoreCase(language) || e.getKey().toLowerCase(Locale.ROOT)
                    .startsWith(language.toLowerCase(Locale.ROOT) + "-")) {
                return Optional.of(e.getValue());
            }
        }
        if (byLocale.containsKey("en")) {
            return Optional.of(byLocale.get("en"));
        }
        return byLocale.values().stream().findFirst();
    }

    public String situation(String language) {
        return content(language).map(IncidentContent::basicSituation).orElse(null);
    }

    public String impact(String language) {
        return content(language).map(IncidentContent::possibleImpact).orElse(null);
    }

    public String measures(String language) {
        return content(language).map(IncidentContent::measures).orElse(null);
    }

    public String advice(String language) {
        return content(language).map(IncidentContent::selfProtectionAdvice).orElse(null);
    }

    public String remedies(String language) {
        return content(language).map(IncidentContent::remedies).orElse(null);
    }

    /** The contact point in one line, or null without a name and a way to reach it. */
    public String contact(String language) {
        return content(language).filter(c -> !c.missingElements().contains("contactPoint"))
                .map(c -> join(", ", c.contactName(), c.contactEmail(), c.contactPhone(), c.contactAddress()))
                .orElse(null);
    }

    /** The complete notice text in one language (all six elements), or null when an element is missing. */
    public String noticeCopy(String language) {
        return content(language).filter(IncidentContent::isComplete)
                .map(c -> String.join("\n\n", c.basicSituation(), c.possibleImpact(), c.measures(),
                        c.selfProtectionAdvice(), c.remedies(), contact(language)))
                .orElse(null);
    }

    /** How many people are affected: the determined set when there is one, else the estimate. */
    public Long subjects() {
        if (affected != null && affected.method() != null) {
            return affected.total();
        }
        return incident.estimatedSubjects();
    }

    /** Affected residents of a country (and region, e.g. US-CA), when the affected set is known. */
    public Long subjectsIn(String country, String region) {
        if (affected == null || affected.method() == null) {
            return null;
        }
        return affected.byJurisdiction().stream()
                .filter(j -> country.equalsIgnoreCase(j.country())
                        && (region == null || region.equalsIgnoreCase(j.region())))
                .mapToLong(AffectedSummary.Jurisdiction::subjects).sum();
    }

    public Long records() {
        return incident.estimatedRecords();
    }

    public String categories() {
        return names(incident.dataCategories().stream().sorted().map(ReportFacts::label).toList());
    }

    public String systems() {
        return names(incident.systems());
    }

    /** When it happened: a range when the end is known, with the precision it is known to. */
    public String occurred() {
        PartialTime from = incident.occurredFrom();
        PartialTime to = incident.occurredTo();
        if (from == null) {
            return null;
        }
        return to == null ? from.toString() : from + " to " + to;
    }

    public String occurredFromDay() {
        return incident.occurredFrom() == null ? null : day(incident.occurredFrom().start());
    }

    public String occurredToDay() {
        return incident.occurredTo() == null ? null : day(incident.occurredTo().start());
    }

    public static String time(Instant at) {
        return at == null ? null : UTC.format(at);
    }

    public static String day(Instant at) {
        return at == null ? null : DAY.format(at);
    }

    /** The first obligation owed to one of these recipients, preferring the given phase. */
    public Optional<ObligationView> obligationFor(Collection<String> recipients, String phase) {
        List<ObligationView> mine = obligations.stream()
                .filter(o -> o.recipient() != null && recipients.contains(o.recipient())).toList();
        return mine.stream().filter(o -> phase.equalsIgnoreCase(o.phase())).findFirst()
                .or(() -> mine.stream().findFirst());
    }

    public static String label(DataCategory c) {
        return switch (c) {
            case CONTACT -> "Contact details";
            case IDENTITY -> "Identity data";
            case GOVERNMENT_ID -> "Government identifiers";
            case CREDENTIALS -> "Account credentials";
            case PAYMENT_CARD -> "Payment card data";
            case FINANCIAL_ACCOUNT -> "Financial account data";
            case HEALTH -> "Health data";
            case BIOMETRIC -> "Biometric data";
            case PRECISE_LOCATION -> "Precise location";
            case CHILDREN -> "Children's data";
            case OTHER -> "Other personal data";
        };
    }

    static String names(Collection<String> names) {
        return names.isEmpty() ? null : String.join(", ", names);
    }

    static String join(String sep, String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(sep));
    }
}
