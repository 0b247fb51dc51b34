package org.herald.rules.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.herald.incident.BreachType;
import org.herald.incident.CauseFamily;
import org.herald.incident.DataCategory;
import org.herald.incident.EncryptionState;
import org.herald.incident.Exfiltration;
import org.herald.incident.OrganisationProfile;

/**
 * Everything the evaluation reads, gathered once: the incident's facts, the organisation profile
 * that applies to it, the affected subjects per jurisdiction, the officer's judgement, and when an
 * individual notice was sent under each regime (some clocks start there).
 *
 * @param scopeDefined whether the affected set was determined; when not, only {@code estimatedSubjects}
 *     is known and laws that count residents cannot be decided
 * @param individualNoticeSentAt regime id → when its individual notice was fulfilled
 * @param authorityNoticeSentAt regime id → when its initial authority notice was fulfilled
 */
public record AssessmentFacts(UUID incidentId, Instant now, Set<BreachType> breachTypes, CauseFamily cause,
        Set<DataCategory> categories, EncryptionState encryption, Exfiltration exfiltration, Instant detectedAt,
        Instant awareAt, Long estimatedSubjects, String severity, OrganisationProfile organisation,
        boolean scopeDefined, List<Population> population, Judgement judgement,
        Map<String, Instant> individualNoticeSentAt, Map<String, Instant> authorityNoticeSentAt) {

    public AssessmentFacts {
        breachTypes = breachTypes == null ? Set.of() : Set.copyOf(breachTypes);
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        population = population == null ? List.of() : List.copyOf(population);
        judgement = judgement == null ? Judgement.NONE : judgement;
        individualNoticeSentAt = individualNoticeSentAt == null ? Map.of() : Map.copyOf(individualNoticeSentAt);
        authorityNoticeSentAt = authorityNoticeSentAt == null ? Map.of() : Map.copyOf(authorityNoticeSentAt);
    }

    public long totalSubjects() {
        if (!scopeDefined) {
            return estimatedSubjects == null ? 0 : estimatedSubjects;
        }
        return population.stream().mapToLong(Population::subjects).sum();
    }
}
