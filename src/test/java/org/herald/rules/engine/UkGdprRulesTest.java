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

/** UK GDPR (MATRIX §3): the ICO within 72 hours of awareness for any risk; individuals only for high risk. */
class UkGdprRulesTest {

    static final String REGIME = "GB/UK-GDPR-33-34";
    static final String ICO = "AUTHORITY_NOTICE ICO GB initial 2026-03-05T10:30:00Z";
    static final String PEOPLE = "INDIVIDUAL_NOTICE DATA_SUBJECTS GB initial no-fixed-time";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("high risk: ICO and the people",
                        anIncident().residents("GB", "GB-ENG", 12).judged(risk("high")),
                        List.of(ICO, PEOPLE)),
                Arguments.of("risk but not high: ICO only, no duty to tell individuals",
                        anIncident().residents("GB", "GB-SCT", 12).judged(risk("risk")),
                        List.of(ICO)),
                Arguments.of("unlikely to result in a risk: nothing",
                        anIncident().residents("GB", null, 12).judged(risk("unlikely")),
                        List.of()),
                Arguments.of("encrypted, key safe: the people are spared",
                        anIncident().residents("GB", null, 12).judged(risk("high")).encryption(EncryptionState.ENCRYPTED_KEY_SAFE),
                        List.of(ICO)),
                Arguments.of("encrypted, key compromised: both",
                        anIncident().residents("GB", null, 12).judged(risk("high")).encryption(EncryptionState.ENCRYPTED_KEY_COMPROMISED),
                        List.of(ICO, PEOPLE)),
                Arguments.of("EU residents only: not the ICO's",
                        anIncident().residents("IE", null, 12).judged(risk("high")),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void obligationsFollowTheMatrix(String name, Facts facts, List<String> expected) {
        assertEquals(expected.stream().sorted().toList(), Rules.obligations(REGIME, facts));
    }

    @Test
    void substituteNoticeIsFlaggedUnconfirmed() {
        Evaluation.SubstituteOffer offer = Rules.evaluate(anIncident().residents("GB", null, 1).judged(risk("high")))
                .substitutes().stream().filter(s -> s.regimeId().equals(REGIME)).findFirst().orElseThrow();
        assertEquals("unconfirmed", offer.confidence());
    }
}
