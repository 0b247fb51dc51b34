package org.herald.regulator.register;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One incident in the breach register (GDPR Art. 33(5), PIPEDA, LGPD record keeping): the facts, the
 * effects, what was done, who was notified, and why not where it was not.
 */
public record RegisterRow(UUID incidentId, String reference, String title, String status, String severity,
        String occurred, Instant detectedAt, Instant awareAt, Instant containedAt, List<String> dataCategories,
        Long estimatedSubjects, String possibleImpact, String measures, boolean notified,
        List<String> authoritiesNotified, long individualsNotified, List<String> reasonsNotNotified,
        String reasonRecordedBy, Instant reasonRecordedAt) {

    public static final List<String> CSV_HEADER = List.of("reference", "title", "status", "severity", "occurred",
            "detected_at", "aware_at", "contained_at", "data_categories", "estimated_subjects", "possible_impact",
            "measures", "notified", "authorities_notified", "individuals_notified", "reasons_not_notified");

    public List<String> csv() {
        return List.of(reference, title, status, severity, s(occurred), s(detectedAt), s(awareAt), s(containedAt),
                String.join("; ", dataCategories), s(estimatedSubjects), s(possibleImpact), s(measures),
                notified ? "yes" : "no", String.join("; ", authoritiesNotified), String.valueOf(individualsNotified),
                String.join("; ", reasonsNotNotified));
    }

    private static String s(Object o) {
        return o == null ? "" : o.toString();
    }
}
