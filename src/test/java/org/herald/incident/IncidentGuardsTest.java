package org.herald.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.herald.shared.problem.Problem.FieldError;
import org.junit.jupiter.api.Test;

/** The lifecycle and its built-in guards, without Quarkus. */
class IncidentGuardsTest {

    private static final Instant NOW = Instant.parse("2025-04-01T12:00:00Z");

    private static Incident aDraft() {
        return new Incident(UUID.randomUUID(), "INC-2025-0001", "Test incident", null, "analyst", NOW);
    }

    private static Incident withFacts() {
        Incident i = aDraft();
        i.recordTimes(PartialTime.parse("2025-03"), null, Instant.parse("2025-03-20T08:00:00Z"),
                Instant.parse("2025-03-20T09:00:00Z"), null, NOW);
        i.recordExposure(List.of("crm"), Set.of(DataCategory.CONTACT), EncryptionState.UNENCRYPTED, null, null, null, NOW);
        return i;
    }

    private static IncidentContent complete() {
        return new IncidentContent("situation", "impact", "measures", "advice", "remedies", "Privacy Office",
                null, "+1 555 0100", null);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void aNewIncidentIsAMediumDraft() {
        Incident i = aDraft();
        assertThat(i.status()).isEqualTo(IncidentStatus.DRAFT);
        assertThat(i.severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void assessingNeedsTimesAndExposure() {
        assertThat(fields(IncidentGuards.refusals(aDraft(), IncidentStatus.ASSESSING, Set.of("en"))))
                .containsExactly("occurredFrom", "detectedAt", "awareAt", "systems", "dataCategories", "encryption");
        assertThat(IncidentGuards.refusals(withFacts(), IncidentStatus.ASSESSING, Set.of("en"))).isEmpty();
    }

    @Test
    void notifyingNeedsEveryElementInEveryRequiredLocale() {
        Incident i = withFacts();
        i.writeContent(Map.of("en", complete(),
                "zh-CN", new IncidentContent("情况", null, null, null, null, "隐私办公室", null, null, null)), NOW);
        assertThat(fields(IncidentGuards.refusals(i, IncidentStatus.NOTIFYING, Set.of("en", "zh-CN", "ja"))))
                .containsExactly("content.ja", "content.zh-CN.possibleImpact", "content.zh-CN.measures",
                        "content.zh-CN.selfProtectionAdvice", "content.zh-CN.remedies", "content.zh-CN.contactPoint");
        assertThat(IncidentGuards.refusals(i, IncidentStatus.NOTIFYING, Set.of("en"))).isEmpty();
    }

    @Test
    void notifyingStillNeedsTheFacts() {
        Incident i = aDraft();
        i.writeContent(Map.of("en", complete()), NOW);
        assertThat(fields(IncidentGuards.refusals(i, IncidentStatus.NOTIFYING, Set.of("en")))).contains("systems");
    }

    @Test
    void theDefaultLocalesAreEnglishAndEveryLocaleWithContent() {
        Incident i = aDraft();
        assertThat(IncidentGuards.defaultRequiredLocales(i)).containsExactly("en");
        i.writeContent(Map.of("zh-CN", complete()), NOW);
        assertThat(IncidentGuards.defaultRequiredLocales(i)).containsExactly("en", "zh-CN");
    }

    @Test
    void aLocaleWithNothingWrittenIsDropped() {
        Incident i = aDraft();
        i.writeContent(Map.of("fr", new IncidentContent(" ", "", null, null, null, null, null, null, null)), NOW);
        assertThat(i.content()).isEmpty();
    }

    @Test
    void theLifecycleRunsForwardAndReopensToAssessing() {
        assertThat(Lifecycle.movesFrom(IncidentStatus.DRAFT)).extracting(Lifecycle.Move::to)
                .containsExactly(IncidentStatus.ASSESSING);
        assertThat(Lifecycle.movesFrom(IncidentStatus.MONITORING)).extracting(Lifecycle.Move::to)
                .containsExactly(IncidentStatus.CLOSED, IncidentStatus.ASSESSING);
        assertThat(Lifecycle.movesFrom(IncidentStatus.CLOSED)).extracting(Lifecycle.Move::to)
                .containsExactly(IncidentStatus.ASSESSING);
        assertThat(Lifecycle.move(IncidentStatus.DRAFT, IncidentStatus.CLOSED)).isEmpty();
        assertThat(Lifecycle.move(IncidentStatus.ASSESSING, IncidentStatus.DRAFT)).isEmpty();
    }

    @Test
    void analystsMoveUpToNotifyingOfficersDoEverything() {
        Set<String> analyst = Set.of("ANALYST");
        Set<String> officer = Set.of("PRIVACY_OFFICER");
        assertThat(Lifecycle.Move.START_ASSESSMENT.allowedFor(analyst)).isTrue();
        assertThat(Lifecycle.Move.START_NOTIFYING.allowedFor(analyst)).isTrue();
        assertThat(Lifecycle.Move.START_MONITORING.allowedFor(analyst)).isFalse();
        assertThat(Lifecycle.Move.CLOSE.allowedFor(analyst)).isFalse();
        assertThat(Lifecycle.Move.REOPEN_FROM_CLOSED.allowedFor(analyst)).isFalse();
        assertThat(Lifecycle.Move.values()).allMatch(m -> m.allowedFor(officer));
        assertThat(Lifecycle.Move.values()).noneMatch(m -> m.allowedFor(Set.of("AUDITOR")));
        assertThat(Lifecycle.Move.REOPEN_FROM_MONITORING.needsReason()).isTrue();
        assertThat(Lifecycle.Move.CLOSE.needsReason()).isFalse();
    }

    @Test
    void theEntityRefusesAMoveFromTheWrongStatus() {
        Incident i = aDraft();
        assertThatThrownBy(() -> i.startNotifying(NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> i.reopen(NOW)).isInstanceOf(IllegalStateException.class);
        i.startAssessment(NOW);
        assertThat(i.status()).isEqualTo(IncidentStatus.ASSESSING);
    }

    @Test
    void aClosedIncidentRefusesEditsUntilReopened() {
        Incident i = withFacts();
        i.startAssessment(NOW);
        i.startNotifying(NOW);
        i.startMonitoring(NOW);
        i.close(NOW);
        assertThatThrownBy(() -> i.retitle("New title", Severity.LOW, NOW)).isInstanceOf(IllegalStateException.class);
        i.reopen(NOW);
        i.retitle("New title", Severity.LOW, NOW);
        assertThat(i.title()).isEqualTo("New title");
    }

    @Test
    void writingTheSameValuesChangesNothing() {
        Incident i = withFacts();
        Instant later = NOW.plusSeconds(60);
        i.recordExposure(List.of(" crm "), Set.of(DataCategory.CONTACT), EncryptionState.UNENCRYPTED, null, null, null, later);
        i.retitle("Test incident", Severity.MEDIUM, later);
        assertThat(i.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void organisationOverridesApplyFieldByField() {
        OrganisationProfile configured = new OrganisationProfile(OrganisationRole.CONTROLLER, List.of("DE"), false,
                true, false, false);
        OrganisationProfile effective = configured.with(new OrganisationOverride(OrganisationRole.PROCESSOR, null,
                true, null, null, null));
        assertThat(effective).isEqualTo(new OrganisationProfile(OrganisationRole.PROCESSOR, List.of("DE"), true, true,
                false, false));
        assertThat(configured.with(new OrganisationOverride(null, List.of(), null, null, null, null))
                .establishmentCountries()).isEmpty();
    }
}
