package org.herald.rules.engine;

import static org.herald.rules.engine.Facts.anIncident;
import static org.herald.rules.engine.Facts.judgement;
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
 * HIPAA Breach Notification Rule (MATRIX §10): individuals within 60 days of discovery; media when
 * more than 500 residents of a State; HHS at once for 500 or more, else in the annual log.
 */
class HipaaRulesTest {

    static final String HIPAA = "US/HIPAA-BNR";
    /** Discovered 2026-03-02 03:00 EST; day 60 is 1 May, ending 23:59:59 EDT. */
    static final String DAY_60 = "2026-05-02T03:59:59Z";
    static final String PEOPLE = "INDIVIDUAL_NOTICE DATA_SUBJECTS US initial " + DAY_60;
    static final String HHS = "AUTHORITY_NOTICE HHS_OCR US initial " + DAY_60;
    /** Under 500: within 60 days after the end of 2026, i.e. 1 March 2027 (end of day EST). */
    static final String HHS_LOG = "AUTHORITY_NOTICE HHS_OCR US annual_log 2027-03-02T04:59:59Z";

    static Facts healthBreach() {
        return anIncident().hipaaCoveredEntity().categories(DataCategory.HEALTH, DataCategory.CONTACT);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("499 people: individuals, and HHS in the annual log",
                        healthBreach().residents("US", "US-NY", 499), List.of(PEOPLE, HHS_LOG)),
                Arguments.of("500 people: HHS within 60 days (500 or more), no media (more than 500 needed)",
                        healthBreach().residents("US", "US-NY", 500), List.of(PEOPLE, HHS)),
                Arguments.of("501 in New York: media in New York",
                        healthBreach().residents("US", "US-NY", 501),
                        List.of(PEOPLE, HHS, "MEDIA_NOTICE PROMINENT_MEDIA US-NY initial " + DAY_60)),
                Arguments.of("600 people split 300/300 over two states: no state exceeds 500, no media",
                        healthBreach().residents("US", "US-NY", 300).residents("US", "US-NJ", 300), List.of(PEOPLE, HHS)),
                Arguments.of("501 in Texas and 20 in Ohio: media in Texas only",
                        healthBreach().residents("US", "US-TX", 501).residents("US", "US-OH", 20),
                        List.of(PEOPLE, HHS, "MEDIA_NOTICE PROMINENT_MEDIA US-TX initial " + DAY_60)),
                Arguments.of("encrypted PHI with the key safe is secured: nothing",
                        healthBreach().residents("US", "US-NY", 900).encryption(EncryptionState.ENCRYPTED_KEY_SAFE),
                        List.of()),
                Arguments.of("encrypted but key compromised: unsecured PHI",
                        healthBreach().residents("US", "US-NY", 10).encryption(EncryptionState.ENCRYPTED_KEY_COMPROMISED),
                        List.of(PEOPLE, HHS_LOG)),
                Arguments.of("documented low probability of compromise: not a breach",
                        healthBreach().residents("US", "US-NY", 10).judged(judgement().lowProbabilityOfCompromise().build()),
                        List.of()),
                Arguments.of("not a covered entity: not applicable",
                        anIncident().categories(DataCategory.HEALTH).residents("US", "US-NY", 10), List.of()),
                Arguments.of("no health data: not applicable",
                        anIncident().hipaaCoveredEntity().categories(DataCategory.CONTACT).residents("US", "US-NY", 10),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void obligationsFollowTheMatrix(String name, Facts facts, List<String> expected) {
        assertEquals(expected.stream().sorted().toList(), Rules.obligations(HIPAA, facts));
    }

    @Test
    void unreachablePeopleTriggerResidualSubstituteNoticeFromTen() {
        List<String> nine = Rules.obligations(HIPAA, healthBreach().residents("US", "US-NY", 100, 0, 9));
        assertTrue(nine.stream().noneMatch(l -> l.startsWith("SUBSTITUTE_NOTICE")), nine.toString());
        ObligationDraft ten = Rules.only(HIPAA, "SUBSTITUTE_NOTICE", healthBreach().residents("US", "US-NY", 100, 0, 10));
        assertEquals(10, ten.subjectsCovered());
        assertTrue(ten.reason().contains("covers only the people who cannot be reached"), ten.reason());
        assertEquals("unconfirmed", ten.confidence());
    }

    @Test
    void deceasedPeopleAreNotifiedThroughTheirNextOfKin() {
        ObligationDraft people = Rules.only(HIPAA, "INDIVIDUAL_NOTICE", healthBreach().residents("US", "US-NY", 3));
        assertTrue(people.terms().nextOfKinForDeceased());
        assertEquals(List.of("first_class_mail", "email"), people.terms().allowedChannels());
        assertEquals(List.of("email_requires_consent"), people.terms().channelConstraints());
    }
}
