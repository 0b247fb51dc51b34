package org.herald.rules.engine;

import static org.herald.rules.engine.Facts.anIncident;
import static org.herald.rules.engine.Facts.judgement;
import static org.herald.rules.engine.Facts.risk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.herald.incident.EncryptionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** GDPR Art. 33/34 (MATRIX §2): 72 hours from awareness for any risk; individuals only for high risk. */
class EuGdprRulesTest {

    static final String GDPR = "EU/GDPR-33-34";
    static final String SA_72H = "AUTHORITY_NOTICE EU_LEAD_SA EU initial 2026-03-05T10:30:00Z";
    static final String PEOPLE = "INDIVIDUAL_NOTICE DATA_SUBJECTS EU initial no-fixed-time";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("high risk: authority within 72 h of awareness, and the people",
                        anIncident().residents("DE", null, 40).judged(risk("high")), List.of(SA_72H, PEOPLE)),
                Arguments.of("risk, not high: authority only",
                        anIncident().residents("FR", null, 40).judged(risk("risk")), List.of(SA_72H)),
                Arguments.of("unlikely to result in a risk: nothing to notify",
                        anIncident().residents("FR", null, 40).judged(risk("unlikely")), List.of()),
                Arguments.of("severity decides when no risk level is given: HIGH means high risk",
                        anIncident().residents("IE", null, 3).severity("HIGH"), List.of(SA_72H, PEOPLE)),
                Arguments.of("severity LOW means unlikely",
                        anIncident().residents("IE", null, 3).severity("LOW"), List.of()),
                Arguments.of("encrypted, key safe: Art. 34(3)(a) spares the people, the authority is still told",
                        anIncident().residents("DE", null, 40).judged(risk("high"))
                                .encryption(EncryptionState.ENCRYPTED_KEY_SAFE), List.of(SA_72H)),
                Arguments.of("encrypted, key compromised too: both notices",
                        anIncident().residents("DE", null, 40).judged(risk("high"))
                                .encryption(EncryptionState.ENCRYPTED_KEY_COMPROMISED), List.of(SA_72H, PEOPLE)),
                Arguments.of("later measures removed the high risk: Art. 34(3)(b)",
                        anIncident().residents("DE", null, 40).judged(judgement().risk("high").highRiskNoLongerLikely()
                                .build()), List.of(SA_72H)),
                Arguments.of("EEA member Norway is covered",
                        anIncident().residents("NO", null, 1).judged(risk("risk")), List.of(SA_72H)),
                Arguments.of("only US residents and no EU establishment: not applicable",
                        anIncident().residents("US", "US-CA", 40).judged(risk("high")), List.of()),
                Arguments.of("EU establishment without EU residents: the authority is still told",
                        anIncident().residents("US", "US-TX", 40).establishedIn("DE").judged(risk("risk")),
                        List.of(SA_72H)),
                Arguments.of("processor: tells its controller, not the authority",
                        anIncident().residents("DE", null, 40).processor().judged(risk("high")), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void obligationsFollowTheMatrix(String name, Facts facts, List<String> expected) {
        assertEquals(expected.stream().sorted().toList(), Rules.obligations(GDPR, facts));
    }

    @Test
    void theReasonShowsTheNumbersTheJudgementAndTheSafeHarbourConsidered() {
        ObligationDraft people = Rules.only(GDPR, "INDIVIDUAL_NOTICE",
                anIncident().residents("DE", null, 40).residents("FR", null, 2).judged(risk("high")));
        assertTrue(people.reason().startsWith("EU/GDPR-33-34 (GDPR Art. 33; GDPR Art. 34; EDPB Guidelines 9/2022): "
                + "42 affected subjects in EU"), people.reason());
        assertTrue(people.reason().contains("risk to people judged high"), people.reason());
        assertTrue(people.reason().contains("'encryption key not compromised' considered: does not apply (data unencrypted)"),
                people.reason());
        assertEquals(42, people.subjectsCovered());
        assertTrue(people.terms().coveredCountries().containsAll(List.of("DE", "FR", "NO", "IS", "LI")));
        assertTrue(people.terms().coveredRegions().isEmpty());
        assertEquals(List.of("email", "sms", "in_app_user_account", "postal_mail", "website_banner"),
                people.terms().allowedChannels());
    }

    @Test
    void aLateAuthorityNoticeMustGiveReasons() {
        ObligationDraft sa = Rules.only(GDPR, "AUTHORITY_NOTICE", anIncident().residents("DE", null, 1).judged(risk("risk")));
        assertTrue(sa.lateNoticeReasonRequired());
        assertTrue(sa.dueBasis().startsWith("72 hours after awareness (2026-03-02 10:30 UTC), where feasible"), sa.dueBasis());
    }

    @Test
    void withoutAScopeTheRegimeIsUndetermined() {
        assertEquals("undetermined", Rules.outcome(GDPR, anIncident().noScope(1000)).outcome());
    }
}
