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

/** Australia's NDB scheme (MATRIX §14): OAIC and individuals as soon as practicable when serious harm is likely; remedial action removes the duty. */
class AustraliaNdbRulesTest {

    static final String REGIME = "AU/PRIVACY-ACT-IIIC";
    static final String OAIC = "AUTHORITY_NOTICE OAIC AU initial no-fixed-time";
    static final String PEOPLE = "INDIVIDUAL_NOTICE DATA_SUBJECTS AU initial no-fixed-time";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("serious harm likely: OAIC and the people",
                        anIncident().residents("AU", "AU-NSW", 30).judged(risk("high")),
                        List.of(OAIC, PEOPLE)),
                Arguments.of("no serious harm: nothing",
                        anIncident().residents("AU", "AU-NSW", 30).judged(risk("risk")),
                        List.of()),
                Arguments.of("remedial action before harm: no eligible data breach",
                        anIncident().residents("AU", "AU-VIC", 30).judged(judgement().risk("high").harmAvoided().build()),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void obligationsFollowTheMatrix(String name, Facts facts, List<String> expected) {
        assertEquals(expected.stream().sorted().toList(), Rules.obligations(REGIME, facts));
    }

    @Test
    void theNormalMethodOfCommunicationMayBeUsed() {
        ObligationDraft people = Rules.only(REGIME, "INDIVIDUAL_NOTICE", anIncident().residents("AU", null, 1).judged(risk("high")));
        assertTrue(people.terms().allowedChannels().isEmpty(), "no restriction on the means");
        assertEquals(List.of("normal_method_of_communication_ok"), people.terms().channelConstraints());
    }
}
