package org.herald.rules.engine;

import static org.herald.rules.engine.Facts.anIncident;
import static org.herald.rules.engine.Facts.judgement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.herald.incident.Exfiltration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** PIPL Art. 57 with the GB/T 35273 floor (MATRIX §1, §4.1): regulator and people "immediately". */
class ChinaPiplRulesTest {

    static final String PIPL = "CN/PIPL-57";
    static final String REGULATOR = "AUTHORITY_NOTICE CN_PROTECTION_DEPT CN initial no-fixed-time";
    static final String PEOPLE = "INDIVIDUAL_NOTICE DATA_SUBJECTS CN initial no-fixed-time";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("one resident is enough: no size threshold", anIncident().residents("CN", null, 1),
                        List.of(REGULATOR, PEOPLE)),
                Arguments.of("a possible leak counts (可能发生)",
                        anIncident().residents("CN", null, 5).exfiltration(Exfiltration.POSSIBLE).severity("LOW"),
                        List.of(REGULATOR, PEOPLE)),
                Arguments.of("harm effectively avoided: the regulator is still told, the people need not be",
                        anIncident().residents("CN", null, 5).judged(judgement().harmAvoided().build()),
                        List.of(REGULATOR)),
                Arguments.of("no resident of China: not applicable", anIncident().residents("JP", null, 5), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void obligationsFollowTheMatrix(String name, Facts facts, List<String> expected) {
        assertEquals(expected.stream().sorted().toList(), Rules.obligations(PIPL, facts));
    }

    @Test
    void individualNoticeCarriesTheGbt35273FloorAndItsChannels() {
        ObligationDraft people = Rules.only(PIPL, "INDIVIDUAL_NOTICE", anIncident().residents("CN", null, 5));
        assertTrue(people.terms().requiredContent().containsAll(List.of("nature_description",
                "likely_consequences_or_harm", "measures_taken", "measures_planned", "self_protection_advice",
                "mitigation_for_subjects", "contact_point_or_dpo")));
        assertTrue(people.terms().allowedChannels().containsAll(List.of("email", "postal_mail", "phone", "push")));
        assertEquals("immediately (no fixed time)", people.dueBasis());
        Evaluation.SubstituteOffer offer = Rules.evaluate(anIncident().residents("CN", null, 5)).substitutes().stream()
                .filter(s -> s.regimeId().equals(PIPL)).findFirst().orElseThrow();
        assertEquals("impracticable_or_difficult", offer.rule().conditions().get(0).type());
    }
}
