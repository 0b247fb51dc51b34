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

/** Brazil LGPD / ANPD Resolution 15/2024 (MATRIX §18): ANPD and subjects within 3 business days (doubled for small agents), skipping Brazilian holidays; a supplement within 20 business days. */
class BrazilLgpdRulesTest {

    static final String REGIME = "BR/LGPD-48-ANPD-15-2024";
    /** Aware Monday 2 March 07:30 BRT: Tue, Wed, Thu; end of Thursday 5 March BRT. */
    static final String ANPD = "AUTHORITY_NOTICE ANPD BR initial 2026-03-06T02:59:59Z";
    static final String PEOPLE = "INDIVIDUAL_NOTICE DATA_SUBJECTS BR initial 2026-03-06T02:59:59Z";
    static final String SUPPLEMENT = "AUTHORITY_NOTICE ANPD BR supplement no-fixed-time";

    static Facts financial() {
        return anIncident().categories(DataCategory.FINANCIAL_ACCOUNT).judged(risk("high"));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("financial data, relevant risk: 3 business days",
                        financial().residents("BR", "BR-SP", 40),
                        List.of(ANPD, PEOPLE, SUPPLEMENT)),
                Arguments.of("a small processing agent: 6 business days",
                        anIncident().categories(DataCategory.FINANCIAL_ACCOUNT).residents("BR", null, 40).judged(judgement().risk("high").smallAgent().build()),
                        List.of("AUTHORITY_NOTICE ANPD BR initial 2026-03-11T02:59:59Z", "INDIVIDUAL_NOTICE DATA_SUBJECTS BR initial 2026-03-11T02:59:59Z", SUPPLEMENT)),
                Arguments.of("aware Wednesday 1 April: skips Good Friday, due end of Tuesday 7 April",
                        financial().aware("2026-04-01T12:00:00Z").residents("BR", null, 40),
                        List.of("AUTHORITY_NOTICE ANPD BR initial 2026-04-08T02:59:59Z", "INDIVIDUAL_NOTICE DATA_SUBJECTS BR initial 2026-04-08T02:59:59Z", SUPPLEMENT)),
                Arguments.of("ANPD told Thursday 5 March: supplement 20 business days later, Thursday 2 April (Good Friday follows)",
                        financial().residents("BR", null, 40).authorityNoticeSent(REGIME, "2026-03-05T18:00:00Z"),
                        List.of(ANPD, PEOPLE, "AUTHORITY_NOTICE ANPD BR supplement 2026-04-03T02:59:59Z")),
                Arguments.of("contact data of adults only: none of the listed criteria",
                        anIncident().categories(DataCategory.CONTACT).residents("BR", null, 40).judged(risk("high")),
                        List.of()),
                Arguments.of("contact data of children: a listed criterion",
                        anIncident().categories(DataCategory.CONTACT).residents("BR", null, 40, 2, 0).judged(risk("high")),
                        List.of(ANPD, PEOPLE, SUPPLEMENT)),
                Arguments.of("no relevant risk: nothing",
                        anIncident().categories(DataCategory.FINANCIAL_ACCOUNT).residents("BR", null, 40).judged(risk("risk")),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void obligationsFollowTheMatrix(String name, Facts facts, List<String> expected) {
        assertEquals(expected.stream().sorted().toList(), Rules.obligations(REGIME, facts));
    }

    @Test
    void businessDaysAreExplainedAndLateNoticeNeedsReasons() {
        ObligationDraft anpd = Rules.only(REGIME, "AUTHORITY_NOTICE", "ANPD", "initial",
                financial().residents("BR", null, 1));
        assertTrue(anpd.dueBasis().contains("3 business days after awareness"), anpd.dueBasis());
        assertTrue(anpd.dueBasis().contains("Brazil national holidays"), anpd.dueBasis());
        assertTrue(anpd.lateNoticeReasonRequired());
    }
}
