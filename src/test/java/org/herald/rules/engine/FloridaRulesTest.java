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

/** Florida §501.171 (MATRIX §8): residents and the Department of Legal Affairs (500 or more) within 30 days; CRAs if more than 1,000. */
class FloridaRulesTest {

    static final String REGIME = "US-FL/501.171";
    static final String PEOPLE = "INDIVIDUAL_NOTICE DATA_SUBJECTS US-FL initial 2026-04-02T03:59:59Z";
    static final String DLA = "AG_NOTICE FL_DLA US-FL initial 2026-04-02T03:59:59Z";
    static final String CRA = "CRA_NOTICE NATIONWIDE_CRAS US-FL initial no-fixed-time";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("499 Floridians: no AG notice",
                        anIncident().residents("US", "US-FL", 499),
                        List.of(PEOPLE)),
                Arguments.of("500 Floridians (500 or more): the Department of Legal Affairs",
                        anIncident().residents("US", "US-FL", 500),
                        List.of(PEOPLE, DLA)),
                Arguments.of("1,000 notified: no CRA notice",
                        anIncident().residents("US", "US-FL", 1000),
                        List.of(PEOPLE, DLA)),
                Arguments.of("1,001 notified: CRAs",
                        anIncident().residents("US", "US-FL", 1001),
                        List.of(PEOPLE, DLA, CRA)),
                Arguments.of("no likely harm after consulting law enforcement: residents spared, the AG still told",
                        anIncident().residents("US", "US-FL", 800).judged(judgement().noLikelyHarmAfterLawEnforcement().build()),
                        List.of(DLA)),
                Arguments.of("encrypted, key safe: nothing",
                        anIncident().residents("US", "US-FL", 800).encryption(EncryptionState.ENCRYPTED_KEY_SAFE),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void obligationsFollowTheMatrix(String name, Facts facts, List<String> expected) {
        assertEquals(expected.stream().sorted().toList(), Rules.obligations(REGIME, facts));
    }
}
