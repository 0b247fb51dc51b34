package org.herald.announcement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.herald.incident.DataCategory;
import org.herald.incident.Incident;
import org.herald.incident.IncidentContent;
import org.herald.incident.PartialTime;
import org.herald.shared.problem.Problem;
import org.herald.shared.problem.ProblemException;

/**
 * What a public page shows, frozen at publication: the incident's reference, the data categories
 * involved, its dates, and the six content elements per locale, plus the help number. Built only
 * from incident-level facts: nothing about any data subject ever enters it.
 */
public record PublicContent(String reference, List<String> categories, Instant occurredFrom, String occurredFromPrecision,
        Instant occurredTo, String occurredToPrecision, Instant detectedAt, Instant containedAt, String helpNumber,
        Map<String, Elements> byLocale) {

    /** The six content elements in one locale; the contact point is the office handling the incident. */
    public record Elements(String basicSituation, String possibleImpact, String measures, String selfProtectionAdvice,
            String remedies, String contactName, String contactEmail, String contactPhone, String contactAddress) {
    }

    /** Snapshots an incident; refuses, naming what is missing, unless at least one locale has all six elements. */
    public static PublicContent of(Incident incident, String helpNumber) {
        Map<String, Elements> byLocale = new TreeMap<>();
        List<Problem.FieldError> missing = new ArrayList<>();
        incident.content().forEach((locale, c) -> {
            if (c.isComplete()) {
                byLocale.put(locale, elements(c));
            } else {
                c.missingElements().forEach(e -> missing.add(new Problem.FieldError("content." + locale + "." + e,
                        "is needed before the announcement can show this language")));
            }
        });
        if (byLocale.isEmpty()) {
            if (missing.isEmpty()) {
                missing.add(new Problem.FieldError("content", "the incident has no notice content in any language"));
            }
            throw new ProblemException(409, "announcement-content-incomplete", "Content incomplete",
                    "A public announcement carries the six content elements; no language of the incident has all of them",
                    missing);
        }
        PartialTime from = incident.occurredFrom();
        PartialTime to = incident.occurredTo();
        return new PublicContent(incident.reference(),
                incident.dataCategories().stream().sorted().map(DataCategory::name).toList(),
                from == null ? null : from.start(), from == null ? null : from.precision().name(),
                to == null ? null : to.start(), to == null ? null : to.precision().name(),
                incident.detectedAt(), incident.containedAt(), helpNumber, byLocale);
    }

    private static Elements elements(IncidentContent c) {
        return new Elements(c.basicSituation(), c.possibleImpact(), c.measures(), c.selfProtectionAdvice(), c.remedies(),
                c.contactName(), c.contactEmail(), c.contactPhone(), c.contactAddress());
    }
}
