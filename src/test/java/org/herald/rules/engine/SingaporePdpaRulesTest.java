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

/** Singapore PDPA (MATRIX §15): notifiable for significant harm or 500 or more people; PDPC within 3 calendar days of the assessment; individuals only for significant harm. */
class SingaporePdpaRulesTest {

    static final String REGIME = "SG/PDPA-26A-26E";
    /** Assessed (awareness, 18:30 SGT on 2 March) + 3 calendar days: end of 5 March SGT. */
    static final String PDPC = "AUTHORITY_NOTICE PDPC_SG SG initial 2026-03-05T15:59:59Z";
    static final String PEOPLE = "INDIVIDUAL_NOTICE DATA_SUBJECTS SG initial no-fixed-time";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("499 people, no significant harm: not notifiable",
                        anIncident().residents("SG", null, 499).judged(risk("risk")),
                        List.of()),
                Arguments.of("500 people (significant scale): the PDPC only",
                        anIncident().residents("SG", null, 500).judged(risk("risk")),
                        List.of(PDPC)),
                Arguments.of("significant harm to 10 people: the PDPC and the people",
                        anIncident().residents("SG", null, 10).judged(risk("high")),
                        List.of(PDPC, PEOPLE)),
                Arguments.of("assessed as notifiable on 4 March 02:00 UTC: due end of 7 March SGT",
                        anIncident().residents("SG", null, 10).judged(judgement().risk("high").assessedNotifiable("2026-03-04T02:00:00Z").build()),
                        List.of("AUTHORITY_NOTICE PDPC_SG SG initial 2026-03-07T15:59:59Z", PEOPLE)),
                Arguments.of("prior encryption: the people are spared",
                        anIncident().residents("SG", null, 10).judged(risk("high")).encryption(EncryptionState.ENCRYPTED_KEY_SAFE),
                        List.of(PDPC)),
                Arguments.of("confined within the organisation: deemed not notifiable",
                        anIncident().residents("SG", null, 900).judged(judgement().risk("high").confinedWithinOrganisation().build()),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void obligationsFollowTheMatrix(String name, Facts facts, List<String> expected) {
        assertEquals(expected.stream().sorted().toList(), Rules.obligations(REGIME, facts));
    }

    @Test
    void aLateNoticeNeedsReasonsAndIndividualsComeAfterThePdpc() {
        ObligationDraft pdpc = Rules.only(REGIME, "AUTHORITY_NOTICE", anIncident().residents("SG", null, 600));
        assertTrue(pdpc.lateNoticeReasonRequired());
        ObligationDraft people = Rules.only(REGIME, "INDIVIDUAL_NOTICE", anIncident().residents("SG", null, 6).judged(risk("high")));
        assertEquals(List.of("after_authority_or_same_time"), people.terms().channelConstraints());
    }
}
