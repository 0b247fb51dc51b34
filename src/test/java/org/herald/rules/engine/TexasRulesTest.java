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

/** Texas §521.053 (MATRIX §7): residents within 60 days of determination; the AG within 30 days if at least 250; CRAs if more than 10,000. */
class TexasRulesTest {

    static final String REGIME = "US-TX/BCC-521.053";
    /** Determination defaults to awareness, 2026-03-02 04:30 CST; day 60 is 1 May (CDT). */
    static final String PEOPLE = "INDIVIDUAL_NOTICE DATA_SUBJECTS US-TX initial 2026-05-02T04:59:59Z";
    static final String AG = "AG_NOTICE TX_AG US-TX initial 2026-04-02T04:59:59Z";
    static final String CRA = "CRA_NOTICE NATIONWIDE_CRAS US-TX initial no-fixed-time";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("249 Texans: no AG notice",
                        anIncident().residents("US", "US-TX", 249),
                        List.of(PEOPLE)),
                Arguments.of("250 Texans (at least 250): the AG within 30 days",
                        anIncident().residents("US", "US-TX", 250),
                        List.of(PEOPLE, AG)),
                Arguments.of("10,000 Texans: no CRA notice",
                        anIncident().residents("US", "US-TX", 10_000),
                        List.of(PEOPLE, AG)),
                Arguments.of("10,001 Texans: CRAs too",
                        anIncident().residents("US", "US-TX", 10_001),
                        List.of(PEOPLE, AG, CRA)),
                Arguments.of("determined on 5 March: the clocks start then",
                        anIncident().residents("US", "US-TX", 300).judged(judgement().determined("2026-03-05T15:00:00Z").build()),
                        List.of("INDIVIDUAL_NOTICE DATA_SUBJECTS US-TX initial 2026-05-05T04:59:59Z", "AG_NOTICE TX_AG US-TX initial 2026-04-05T04:59:59Z")),
                Arguments.of("encrypted, key safe: nothing",
                        anIncident().residents("US", "US-TX", 300).encryption(EncryptionState.ENCRYPTED_KEY_SAFE),
                        List.of()),
                Arguments.of("encrypted, the actor has the key: notify",
                        anIncident().residents("US", "US-TX", 300).encryption(EncryptionState.ENCRYPTED_KEY_COMPROMISED),
                        List.of(PEOPLE, AG)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void obligationsFollowTheMatrix(String name, Facts facts, List<String> expected) {
        assertEquals(expected.stream().sorted().toList(), Rules.obligations(REGIME, facts));
    }

    @Test
    void withoutADeterminationTimeTheReasonSaysAwarenessWasUsed() {
        ObligationDraft ag = Rules.only(REGIME, "AG_NOTICE", anIncident().residents("US", "US-TX", 250));
        assertTrue(ag.dueBasis().contains("awareness time: none given"), ag.dueBasis());
        assertTrue(ag.reason().contains("250 affected subjects in US-TX ≥ 250"), ag.reason());
    }
}
