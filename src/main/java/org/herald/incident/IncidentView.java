package org.herald.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An incident as the API shows it: the editable fields of {@link IncidentForm} under the same names
 * (so a client can merge-patch what it read), plus what Herald keeps itself.
 *
 * @param effectiveOrganisation the configured organisation profile with this incident's overrides applied
 * @param requiredLocales the locales its notices must be complete in before notifying
 * @param missingContent per required locale, the content elements still missing
 * @param nextStatuses where the lifecycle allows it to move next (conditions aside)
 */
public record IncidentView(
        UUID id,
        String reference,
        String title,
        Severity severity,
        IncidentStatus status,
        Set<BreachType> breachTypes,
        CauseFamily causeFamily,
        DiscoveryMethod discoveryMethod,
        String discoveryNotes,
        PartialTime occurredFrom,
        TimePrecision occurredFromPrecision,
        PartialTime occurredTo,
        TimePrecision occurredToPrecision,
        Instant detectedAt,
        Instant awareAt,
        Instant containedAt,
        List<String> systems,
        Set<DataCategory> dataCategories,
        EncryptionState encryption,
        Exfiltration exfiltration,
        Long estimatedSubjects,
        Long estimatedRecords,
        Map<String, IncidentForm.LocaleContent> content,
        OrganisationOverride organisation,
        OrganisationProfile effectiveOrganisation,
        Set<String> requiredLocales,
        Map<String, List<String>> missingContent,
        List<IncidentStatus> nextStatuses,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        Instant statusChangedAt,
        long version) {

    /** Fields of the view that no client may write. */
    static final Set<String> READ_ONLY = Set.of("id", "reference", "status", "occurredFromPrecision",
            "occurredToPrecision", "effectiveOrganisation", "requiredLocales", "missingContent", "nextStatuses",
            "createdBy", "createdAt", "updatedAt", "statusChangedAt", "version");

    static IncidentView of(Incident i, OrganisationProfile effective, Set<String> requiredLocales) {
        IncidentForm f = IncidentForm.of(i);
        Map<String, List<String>> missing = new TreeMap<>();
        var content = i.content();
        for (String locale : requiredLocales) {
            IncidentContent c = content.get(locale);
            List<String> m = c == null ? IncidentContent.ELEMENTS : c.missingElements();
            if (!m.isEmpty()) {
                missing.put(locale, m);
            }
        }
        return new IncidentView(i.id(), i.reference(), i.title(), i.severity(), i.status(), f.breachTypes(),
                i.causeFamily(), i.discoveryMethod(), i.discoveryNotes(),
                i.occurredFrom(), i.occurredFrom() == null ? null : i.occurredFrom().precision(),
                i.occurredTo(), i.occurredTo() == null ? null : i.occurredTo().precision(),
                i.detectedAt(), i.awareAt(), i.containedAt(), f.systems(), f.dataCategories(), i.encryption(),
                i.exfiltration(), i.estimatedSubjects(), i.estimatedRecords(), f.content(), f.organisation(),
                effective, requiredLocales, missing,
                Lifecycle.movesFrom(i.status()).stream().map(Lifecycle.Move::to).toList(),
                i.createdBy(), i.createdAt(), i.updatedAt(), i.statusChangedAt(), i.version());
    }
}
