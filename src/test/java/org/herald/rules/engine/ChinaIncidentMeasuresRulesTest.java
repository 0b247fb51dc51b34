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

/** China's 2025 incident-reporting measures (MATRIX §4.4): 1,000,000 or more persons make a relatively major incident; 1 h (CII) or 4 h to report, a summary within 30 days after handling ends. */
class ChinaIncidentMeasuresRulesTest {

    static final String REGIME = "CN/CAC-2025-INCIDENT-MEASURES";
    static final String CAC_4H = "AUTHORITY_NOTICE CN_PROVINCIAL_CAC CN initial 2026-03-02T12:00:00Z";
    static final String CAC_SUMMARY = "AUTHORITY_NOTICE CN_PROVINCIAL_CAC CN summary no-fixed-time";
    static final String CII_1H = "AUTHORITY_NOTICE CN_PROTECTION_DEPT_AND_POLICE CN initial 2026-03-02T09:00:00Z";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("999,999 persons: a general incident, not reportable under the Measures",
                        anIncident().residents("CN", null, 999_999),
                        List.of()),
                Arguments.of("1,000,000 persons (以上 counts the number itself): provincial CAC within 4 hours of discovery",
                        anIncident().residents("CN", null, 1_000_000),
                        List.of(CAC_4H, CAC_SUMMARY)),
                Arguments.of("critical infrastructure: protection department and police within 1 hour",
                        anIncident().residents("CN", null, 1_000_000).criticalInfrastructure(),
                        List.of(CII_1H, "AUTHORITY_NOTICE CN_PROTECTION_DEPT_AND_POLICE CN summary no-fixed-time")),
                Arguments.of("handling closed 10 March (Beijing noon): summary by the end of 9 April Beijing time",
                        anIncident().residents("CN", null, 2_000_000).judged(judgement().handlingClosed("2026-03-10T04:00:00Z").build()),
                        List.of(CAC_4H, "AUTHORITY_NOTICE CN_PROVINCIAL_CAC CN summary 2026-04-09T15:59:59Z")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void obligationsFollowTheMatrix(String name, Facts facts, List<String> expected) {
        assertEquals(expected.stream().sorted().toList(), Rules.obligations(REGIME, facts));
    }

    @Test
    void belowTheGradeTheRegimeExplainsWhy() {
        Evaluation.RegimeOutcome o = Rules.outcome(REGIME, anIncident().residents("CN", null, 999_999));
        assertEquals("not_applicable", o.outcome());
        assertTrue(o.explanation().contains("999999 affected subjects in CN not ≥ 1000000"), o.explanation());
    }
}
