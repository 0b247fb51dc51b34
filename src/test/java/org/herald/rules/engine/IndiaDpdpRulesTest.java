package org.herald.rules.engine;

import static org.herald.rules.engine.Facts.anIncident;
import static org.herald.rules.engine.Facts.judgement;
import static org.herald.rules.engine.Facts.risk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.herald.incident.CauseFamily;
import org.herald.incident.DataCategory;
import org.herald.incident.EncryptionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** India DPDP Rule 7 (MATRIX §17): enacted, in force from about 14 May 2027; until then it is only upcoming. */
class IndiaDpdpRulesTest {

    static final String REGIME = "IN/DPDP-RULE-7";
    static Facts after2027() {
        return anIncident().discovered("2027-06-01T08:00:00Z").aware("2027-06-01T10:30:00Z").now("2027-06-02T00:00:00Z");
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("a breach in March 2026: not yet in force, no obligation",
                        anIncident().residents("IN", null, 100_000),
                        List.of()),
                Arguments.of("a breach on 13 May 2027: still before the effective date",
                        anIncident().discovered("2027-05-13T08:00:00Z").aware("2027-05-13T10:00:00Z").residents("IN", null, 10),
                        List.of()),
                Arguments.of("a breach in June 2027: Board without delay, details within 72 hours, the people without delay",
                        after2027().residents("IN", null, 10),
                        List.of("AUTHORITY_NOTICE DPB_IN IN initial no-fixed-time", "AUTHORITY_NOTICE DPB_IN IN detailed 2027-06-04T10:30:00Z", "INDIVIDUAL_NOTICE DATA_SUBJECTS IN initial no-fixed-time")),
                Arguments.of("no encryption safe harbour and no harm threshold",
                        after2027().residents("IN", null, 1).severity("LOW").encryption(EncryptionState.ENCRYPTED_KEY_SAFE),
                        List.of("AUTHORITY_NOTICE DPB_IN IN initial no-fixed-time", "AUTHORITY_NOTICE DPB_IN IN detailed 2027-06-04T10:30:00Z", "INDIVIDUAL_NOTICE DATA_SUBJECTS IN initial no-fixed-time")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void obligationsFollowTheMatrix(String name, Facts facts, List<String> expected) {
        assertEquals(expected.stream().sorted().toList(), Rules.obligations(REGIME, facts));
    }

    @Test
    void beforeItsDateTheRuleIsShownAsUpcoming() {
        Evaluation.RegimeOutcome o = Rules.outcome(REGIME, anIncident().residents("IN", null, 5));
        assertEquals("upcoming", o.outcome());
        assertTrue(o.explanation().contains("2027-05-14"), o.explanation());
    }

    @Test
    void childrenAreNotifiedThroughTheirGuardianViaRegisteredChannels() {
        ObligationDraft people = Rules.only(REGIME, "INDIVIDUAL_NOTICE", after2027().residents("IN", null, 10, 3, 0));
        assertTrue(people.terms().guardianForMinors());
        assertEquals(List.of("in_app_user_account", "email", "sms"), people.terms().allowedChannels());
    }
}
