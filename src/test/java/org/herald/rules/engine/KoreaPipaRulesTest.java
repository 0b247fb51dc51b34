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

/** South Korea PIPA Art. 34 (MATRIX §19): every leak, individuals within 72 hours; PIPC/KISA within 72 hours from 1,000 people, sensitive or unique-identifying data, or an external attack. */
class KoreaPipaRulesTest {

    static final String REGIME = "KR/PIPA-34";
    static final String PEOPLE = "INDIVIDUAL_NOTICE DATA_SUBJECTS KR initial 2026-03-05T10:30:00Z";
    static final String PIPC = "AUTHORITY_NOTICE PIPC_KISA KR initial 2026-03-05T10:30:00Z";

    static Facts misdirected() {
        return anIncident().cause(CauseFamily.ERROR).categories(DataCategory.CONTACT);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("999 people, contact data, an error: the people only",
                        misdirected().residents("KR", null, 999),
                        List.of(PEOPLE)),
                Arguments.of("1,000 people (1천명 이상): PIPC/KISA too",
                        misdirected().residents("KR", null, 1000),
                        List.of(PEOPLE, PIPC)),
                Arguments.of("unique identifiers of one person: PIPC/KISA",
                        misdirected().categories(DataCategory.GOVERNMENT_ID).residents("KR", null, 1),
                        List.of(PEOPLE, PIPC)),
                Arguments.of("external hacking, any number: PIPC/KISA",
                        anIncident().categories(DataCategory.CONTACT).residents("KR", null, 2),
                        List.of(PEOPLE, PIPC)),
                Arguments.of("risk made remarkably low by recovery: the report may be skipped, not the notice",
                        misdirected().residents("KR", null, 5000).judged(judgement().harmAvoided().build()),
                        List.of(PEOPLE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void obligationsFollowTheMatrix(String name, Facts facts, List<String> expected) {
        assertEquals(expected.stream().sorted().toList(), Rules.obligations(REGIME, facts));
    }

    @Test
    void unreachablePeopleGetAWebsitePostingOfThirtyDays() {
        ObligationDraft posting = Rules.only(REGIME, "SUBSTITUTE_NOTICE", misdirected().residents("KR", null, 50, 0, 4));
        assertEquals(4, posting.subjectsCovered());
        assertTrue(posting.reason().contains("website_posting ≥ 30 days or premises_posting"), posting.reason());
    }
}
