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

/** PIPEDA (MATRIX §13): the OPC and the people as soon as feasible when there is a real risk of significant harm; one person is enough. */
class CanadaPipedaRulesTest {

    static final String REGIME = "CA/PIPEDA-10.1";
    static final String OPC = "AUTHORITY_NOTICE OPC CA initial no-fixed-time";
    static final String PEOPLE = "INDIVIDUAL_NOTICE DATA_SUBJECTS CA initial no-fixed-time";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("one person with a real risk of significant harm",
                        anIncident().residents("CA", "CA-ON", 1).judged(risk("high")),
                        List.of(OPC, PEOPLE)),
                Arguments.of("a risk that is not significant: nothing",
                        anIncident().residents("CA", "CA-QC", 900).judged(risk("risk")),
                        List.of()),
                Arguments.of("encryption is no safe harbour, only a factor in the risk judgement",
                        anIncident().residents("CA", "CA-BC", 5).judged(risk("high")).encryption(EncryptionState.ENCRYPTED_KEY_SAFE),
                        List.of(OPC, PEOPLE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void obligationsFollowTheMatrix(String name, Facts facts, List<String> expected) {
        assertEquals(expected.stream().sorted().toList(), Rules.obligations(REGIME, facts));
    }

    @Test
    void directChannelsAreListed() {
        ObligationDraft people = Rules.only(REGIME, "INDIVIDUAL_NOTICE", anIncident().residents("CA", null, 1).judged(risk("high")));
        assertEquals(List.of("in_person", "phone", "postal_mail", "email"), people.terms().allowedChannels());
        assertEquals("as soon as feasible (no fixed time)", people.dueBasis());
    }
}
