package org.herald.incident;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An incident as a client writes it: the body of {@code POST /api/incidents}, and the document a
 * {@code PATCH} merge-patches. Only {@code title} is required; everything else can wait until it is
 * known. Times: {@code occurredFrom}/{@code occurredTo} may be a year, month, day or exact time
 * (see {@link PartialTime}); the others are exact times with an offset.
 */
public record IncidentForm(
        @NotBlank @Size(max = MAX_TITLE) String title,
        @NotNull Severity severity,
        Set<@NotNull BreachType> breachTypes,
        CauseFamily causeFamily,
        DiscoveryMethod discoveryMethod,
        @Size(max = MAX_TEXT) String discoveryNotes,
        PartialTime occurredFrom,
        PartialTime occurredTo,
        Instant detectedAt,
        Instant awareAt,
        Instant containedAt,
        @Size(max = 500) List<@NotBlank @Size(max = 200) String> systems,
        Set<@NotNull DataCategory> dataCategories,
        EncryptionState encryption,
        Exfiltration exfiltration,
        @PositiveOrZero Long estimatedSubjects,
        @PositiveOrZero Long estimatedRecords,
        @Size(max = 50) Map<String, @NotNull @Valid LocaleContent> content,
        @Valid OrganisationOverride organisation) {

    public static final int MAX_TITLE = 300;
    /** Long enough for any notice paragraph, short enough that one field cannot swamp a notice. */
    public static final int MAX_TEXT = 20_000;

    /** The six content elements in one locale. */
    public record LocaleContent(
            @Size(max = MAX_TEXT) String basicSituation,
            @Size(max = MAX_TEXT) String possibleImpact,
            @Size(max = MAX_TEXT) String measures,
            @Size(max = MAX_TEXT) String selfProtectionAdvice,
            @Size(max = MAX_TEXT) String remedies,
            @Valid ContactPoint contactPoint) {

        static LocaleContent of(IncidentContent c) {
            return new LocaleContent(c.basicSituation(), c.possibleImpact(), c.measures(), c.selfProtectionAdvice(),
                    c.remedies(), new ContactPoint(c.contactName(), c.contactEmail(), c.contactPhone(), c.contactAddress()));
        }

        IncidentContent toContent() {
            ContactPoint cp = contactPoint == null ? new ContactPoint(null, null, null, null) : contactPoint;
            return new IncidentContent(basicSituation, possibleImpact, measures, selfProtectionAdvice, remedies,
                    cp.name(), cp.email(), cp.phone(), cp.address());
        }
    }

    /** The office that handles questions about the incident (not a data subject). */
    public record ContactPoint(
            @Size(max = 200) String name,
            @Email @Size(max = 320) String email,
            @Size(max = 50) @Pattern(regexp = "^\\+?[0-9 ()./-]+$", message = "may hold digits, spaces and + ( ) . / - only") String phone,
            @Size(max = 2000) String address) {
    }

    /** This form with what a new draft defaults to. */
    public IncidentForm withDefaults() {
        return severity != null ? this : new IncidentForm(title, Severity.MEDIUM, breachTypes, causeFamily,
                discoveryMethod, discoveryNotes, occurredFrom, occurredTo, detectedAt, awareAt, containedAt, systems,
                dataCategories, encryption, exfiltration, estimatedSubjects, estimatedRecords, content, organisation);
    }

    /** The incident as it stands, in the shape clients edit. */
    public static IncidentForm of(Incident i) {
        Map<String, LocaleContent> content = new TreeMap<>();
        i.content().forEach((locale, c) -> content.put(locale, LocaleContent.of(c)));
        return new IncidentForm(i.title(), i.severity(), i.breachTypes(), i.causeFamily(), i.discoveryMethod(),
                i.discoveryNotes(), i.occurredFrom(), i.occurredTo(), i.detectedAt(), i.awareAt(), i.containedAt(),
                new ArrayList<>(i.systems()), i.dataCategories(), i.encryption(), i.exfiltration(),
                i.estimatedSubjects(), i.estimatedRecords(), content, i.organisationOverride());
    }
}
