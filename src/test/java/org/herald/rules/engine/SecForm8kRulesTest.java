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

/** SEC Form 8-K Item 1.05 (MATRIX §11): 4 business days after the materiality determination, skipping US federal holidays. */
class SecForm8kRulesTest {

    static final String REGIME = "US/SEC-8K-1.05";
    static Facts listed() {
        return anIncident().listedCompany().residents("US", "US-CA", 10);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("not determined material: nothing to file",
                        listed(),
                        List.of()),
                Arguments.of("not a listed company: nothing",
                        anIncident().residents("US", "US-CA", 10).judged(judgement().material("2026-03-05T21:00:00Z").build()),
                        List.of()),
                Arguments.of("material on Thursday 5 March: Fri, Mon, Tue, Wed, due end of Wednesday 11 March (EDT)",
                        listed().judged(judgement().material("2026-03-05T21:00:00Z").build()),
                        List.of("AUTHORITY_NOTICE SEC US initial 2026-03-12T03:59:59Z")),
                Arguments.of("material on Wednesday 1 July: skips the observed Independence Day on Friday 3 July",
                        listed().judged(judgement().material("2026-07-01T15:00:00Z").build()),
                        List.of("AUTHORITY_NOTICE SEC US initial 2026-07-09T03:59:59Z")),
                Arguments.of("material the day before Thanksgiving: due Wednesday 2 December (EST)",
                        listed().judged(judgement().material("2026-11-25T15:00:00Z").build()),
                        List.of("AUTHORITY_NOTICE SEC US initial 2026-12-03T04:59:59Z")),
                Arguments.of("no personal data of any US resident needed: the filing is about the company",
                        anIncident().listedCompany().residents("DE", null, 1).judged(judgement().material("2026-03-05T21:00:00Z").build()),
                        List.of("AUTHORITY_NOTICE SEC US initial 2026-03-12T03:59:59Z")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void obligationsFollowTheMatrix(String name, Facts facts, List<String> expected) {
        assertEquals(expected.stream().sorted().toList(), Rules.obligations(REGIME, facts));
    }
}
