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

/** New York GBL §899-aa (MATRIX §6): residents within 30 days of discovery; AG, Department of State and State Police; CRAs when more than 5,000. */
class NewYorkRulesTest {

    static final String REGIME = "US-NY/GBL-899-AA";
    static final String PEOPLE = "INDIVIDUAL_NOTICE DATA_SUBJECTS US-NY initial 2026-04-02T03:59:59Z";
    static final String AG = "AG_NOTICE NY_AG US-NY initial no-fixed-time";
    static final String DOS = "AUTHORITY_NOTICE NY_DOS US-NY initial no-fixed-time";
    static final String POLICE = "AUTHORITY_NOTICE NY_STATE_POLICE US-NY initial no-fixed-time";
    static final String CRA = "CRA_NOTICE NATIONWIDE_CRAS US-NY initial no-fixed-time";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("5,000 New Yorkers: no CRA notice (more than 5,000 needed)",
                        anIncident().residents("US", "US-NY", 5000),
                        List.of(PEOPLE, AG, DOS, POLICE)),
                Arguments.of("5,001 New Yorkers: CRAs too",
                        anIncident().residents("US", "US-NY", 5001),
                        List.of(PEOPLE, AG, DOS, POLICE, CRA)),
                Arguments.of("low severity still notifies: no harm threshold",
                        anIncident().residents("US", "US-NY", 2).severity("LOW"),
                        List.of(PEOPLE, AG, DOS, POLICE)),
                Arguments.of("Californians only: not applicable",
                        anIncident().residents("US", "US-CA", 20),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void obligationsFollowTheMatrix(String name, Facts facts, List<String> expected) {
        assertEquals(expected.stream().sorted().toList(), Rules.obligations(REGIME, facts));
    }

    @Test
    void regulatorTimingIsMarkedUnconfirmedAndSubstituteNeedsTheAg() {
        ObligationDraft dos = Rules.only(REGIME, "AUTHORITY_NOTICE", "NY_DOS", "initial",
                anIncident().residents("US", "US-NY", 1).categories(DataCategory.CONTACT).cause(CauseFamily.ERROR));
        assertEquals("unconfirmed", dos.confidence());
        assertTrue(dos.reason().contains("UNCONFIRMED"), dos.reason());
        ObligationDraft people = Rules.only(REGIME, "INDIVIDUAL_NOTICE", anIncident().residents("US", "US-NY", 1));
        assertEquals(List.of("email_requires_consent", "phone_requires_log"), people.terms().channelConstraints());
        ObligationDraft substitute = Rules.only(REGIME, "SUBSTITUTE_NOTICE", anIncident().residents("US", "US-NY", 600_000));
        assertTrue(substitute.reason().contains("shown to NY_AG"), substitute.reason());
    }
}
