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

/** Japan APPI Art. 26 (MATRIX §16): preliminary report promptly, final within 30 days (60 for a wrongful purpose); more than 1,000 people, or sensitive, financial or wrongful-purpose cases of any size. */
class JapanAppiRulesTest {

    static final String REGIME = "JP/APPI-26";
    static final String PRELIMINARY = "AUTHORITY_NOTICE PPC_JP JP preliminary 2026-03-07T14:59:59Z";
    static final String FINAL_30 = "AUTHORITY_NOTICE PPC_JP JP final 2026-04-01T14:59:59Z";
    static final String FINAL_60 = "AUTHORITY_NOTICE PPC_JP JP final 2026-05-01T14:59:59Z";
    static final String PEOPLE = "INDIVIDUAL_NOTICE DATA_SUBJECTS JP initial no-fixed-time";

    /** An error (no wrongful purpose) exposing contact data only. */
    static Facts misdirected() {
        return anIncident().cause(CauseFamily.ERROR).categories(DataCategory.CONTACT);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("1,000 people, contact data, an error: not reportable",
                        misdirected().residents("JP", null, 1000),
                        List.of()),
                Arguments.of("1,001 people: preliminary, final within 30 days, and the people",
                        misdirected().residents("JP", null, 1001),
                        List.of(PRELIMINARY, FINAL_30, PEOPLE)),
                Arguments.of("one person's health data: reportable",
                        misdirected().categories(DataCategory.HEALTH).residents("JP", null, 1),
                        List.of(PRELIMINARY, FINAL_30, PEOPLE)),
                Arguments.of("one person's card number: reportable (financial damage)",
                        misdirected().categories(DataCategory.PAYMENT_CARD).residents("JP", null, 1),
                        List.of(PRELIMINARY, FINAL_30, PEOPLE)),
                Arguments.of("unauthorised access (wrongful purpose): final within 60 days",
                        anIncident().categories(DataCategory.CONTACT).residents("JP", null, 3),
                        List.of(PRELIMINARY, FINAL_60, PEOPLE)),
                Arguments.of("advanced encryption: neither report nor notice",
                        anIncident().residents("JP", null, 5000).encryption(EncryptionState.ENCRYPTED_KEY_SAFE),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void obligationsFollowTheMatrix(String name, Facts facts, List<String> expected) {
        assertEquals(expected.stream().sorted().toList(), Rules.obligations(REGIME, facts));
    }
}
