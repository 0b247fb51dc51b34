package org.herald.rules.engine;

import static org.herald.rules.engine.Facts.anIncident;
import static org.herald.rules.engine.Facts.risk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.herald.incident.DataCategory;
import org.herald.incident.EncryptionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Massachusetts c. 93H (MATRIX §9): AG, OCABR and residents as soon as practicable when there is a
 * substantial risk of identity theft or fraud; the resident notice must not state the nature of the
 * breach or the number affected; SSN exposure means at least 18 months of credit monitoring.
 */
class MassachusettsRulesTest {

    static final String MA = "US-MA/93H";
    static final List<String> ALL = List.of("AG_NOTICE MA_AG US-MA initial no-fixed-time",
            "AUTHORITY_NOTICE MA_OCABR US-MA initial no-fixed-time",
            "INDIVIDUAL_NOTICE DATA_SUBJECTS US-MA initial no-fixed-time");

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("substantial risk (high): AG, OCABR, residents",
                        anIncident().residents("US", "US-MA", 1).judged(risk("high")), ALL),
                Arguments.of("no substantial risk: nothing", anIncident().residents("US", "US-MA", 50).judged(risk("risk")),
                        List.of()),
                Arguments.of("encrypted, key safe: nothing",
                        anIncident().residents("US", "US-MA", 50).judged(risk("high"))
                                .encryption(EncryptionState.ENCRYPTED_KEY_SAFE), List.of()),
                Arguments.of("encrypted with the key: notify",
                        anIncident().residents("US", "US-MA", 50).judged(risk("high"))
                                .encryption(EncryptionState.ENCRYPTED_KEY_COMPROMISED), ALL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void obligationsFollowTheMatrix(String name, Facts facts, List<String> expected) {
        assertEquals(expected.stream().sorted().toList(), Rules.obligations(MA, facts));
    }

    @Test
    void residentNoticeMustNotStateTheNatureOrTheNumberAffected() {
        ObligationDraft people = Rules.only(MA, "INDIVIDUAL_NOTICE",
                anIncident().residents("US", "US-MA", 7).judged(risk("high")));
        assertTrue(people.terms().prohibitedContent().containsAll(List.of("nature_of_breach", "number_affected")));
        assertTrue(people.terms().requiredContent().containsAll(List.of("police_report_right",
                "security_freeze_instructions")));
        assertEquals(List.of("credit_monitoring: at least 18 months (social security numbers exposed (42 months if the "
                + "organisation is a consumer reporting agency))"), people.terms().remediationOffers());
        ObligationDraft noSsn = Rules.only(MA, "INDIVIDUAL_NOTICE",
                anIncident().residents("US", "US-MA", 7).judged(risk("high")).categories(DataCategory.FINANCIAL_ACCOUNT));
        assertTrue(noSsn.terms().remediationOffers().isEmpty());
    }

    @Test
    void regulatorNoticeStatesTheNumberOfResidents() {
        ObligationDraft ag = Rules.only(MA, "AG_NOTICE", anIncident().residents("US", "US-MA", 7).judged(risk("high")));
        assertEquals(7, ag.subjectsCovered());
        assertTrue(ag.reason().contains("7 affected subjects in US-MA"), ag.reason());
    }
}
