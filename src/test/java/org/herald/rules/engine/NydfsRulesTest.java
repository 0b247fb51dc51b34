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

/** NYDFS 500.17 (MATRIX §12): 72 hours after determination; a ransom payment within 24 hours, its explanation within 30 days. */
class NydfsRulesTest {

    static final String REGIME = "US-NY/NYCRR-500.17";
    static final String DFS = "AUTHORITY_NOTICE NYDFS US-NY initial 2026-03-05T10:30:00Z";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("DFS-regulated: 72 hours after determination (awareness when none given)",
                        anIncident().dfsRegulated().residents("US", "US-NJ", 3),
                        List.of(DFS)),
                Arguments.of("determined 4 March 09:00 UTC: due 7 March 09:00 UTC",
                        anIncident().dfsRegulated().residents("US", "US-NJ", 3).judged(judgement().determined("2026-03-04T09:00:00Z").build()),
                        List.of("AUTHORITY_NOTICE NYDFS US-NY initial 2026-03-07T09:00:00Z")),
                Arguments.of("ransom paid 4 March noon UTC: 24 hours, and the explanation within 30 days",
                        anIncident().dfsRegulated().residents("US", "US-NJ", 3).judged(judgement().ransomPaid("2026-03-04T12:00:00Z").build()),
                        List.of(DFS, "AUTHORITY_NOTICE NYDFS US-NY extortion_payment 2026-03-05T12:00:00Z", "AUTHORITY_NOTICE NYDFS US-NY explanation 2026-04-04T03:59:59Z")),
                Arguments.of("not DFS-regulated: nothing",
                        anIncident().residents("US", "US-NY", 3),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void obligationsFollowTheMatrix(String name, Facts facts, List<String> expected) {
        assertEquals(expected.stream().sorted().toList(), Rules.obligations(REGIME, facts));
    }
}
