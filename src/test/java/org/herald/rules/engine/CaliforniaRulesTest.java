package org.herald.rules.engine;

import static org.herald.rules.engine.Facts.anIncident;
import static org.herald.rules.engine.Facts.judgement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.herald.incident.DataCategory;
import org.herald.incident.EncryptionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * California Civ. Code §1798.82 (MATRIX §5): residents within 30 calendar days of discovery (from
 * 2026-01-01); a sample notice to the AG within 15 days of the consumer notice if more than 500.
 */
class CaliforniaRulesTest {

    static final String CA = "US-CA/CIV-1798.82";
    /** Discovered 2026-03-02 00:00 PST; day 30 is 1 April, which ends at 23:59:59 PDT. */
    static final String PEOPLE = "INDIVIDUAL_NOTICE DATA_SUBJECTS US-CA initial 2026-04-02T06:59:59Z";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("500 residents: consumers only (the AG needs more than 500)",
                        anIncident().residents("US", "US-CA", 500), List.of(PEOPLE)),
                Arguments.of("501 residents: the AG sample notice too, its clock not started yet",
                        anIncident().residents("US", "US-CA", 501),
                        List.of(PEOPLE, "AG_NOTICE CA_AG US-CA initial no-fixed-time")),
                Arguments.of("501 residents, consumers told on 20 March: AG due 15 days later, end of 4 April PDT",
                        anIncident().residents("US", "US-CA", 501).individualNoticeSent(CA, "2026-03-20T17:00:00Z"),
                        List.of(PEOPLE, "AG_NOTICE CA_AG US-CA initial 2026-04-05T06:59:59Z")),
                Arguments.of("residents of other states only: not applicable",
                        anIncident().residents("US", "US-NY", 900), List.of()),
                Arguments.of("encrypted with the key safe: safe harbour, nothing",
                        anIncident().residents("US", "US-CA", 900).encryption(EncryptionState.ENCRYPTED_KEY_SAFE),
                        List.of()),
                Arguments.of("encrypted but the key was taken too: notify",
                        anIncident().residents("US", "US-CA", 10).encryption(EncryptionState.ENCRYPTED_KEY_COMPROMISED),
                        List.of(PEOPLE)),
                Arguments.of("no harm threshold: low severity still notifies",
                        anIncident().residents("US", "US-CA", 10).severity("LOW"), List.of(PEOPLE)),
                Arguments.of("500,001 residents: substitute notice allowed",
                        anIncident().residents("US", "US-CA", 500_001),
                        List.of(PEOPLE, "AG_NOTICE CA_AG US-CA initial no-fixed-time",
                                "SUBSTITUTE_NOTICE PUBLIC US-CA initial 2026-04-02T06:59:59Z")),
                Arguments.of("500,000 residents but notice would cost more than $250,000: substitute allowed",
                        anIncident().residents("US", "US-CA", 500_000).judged(judgement().noticeCost(250_001).build()),
                        List.of(PEOPLE, "AG_NOTICE CA_AG US-CA initial no-fixed-time",
                                "SUBSTITUTE_NOTICE PUBLIC US-CA initial 2026-04-02T06:59:59Z")),
                Arguments.of("before SB 446 took effect (aware in 2025): the 2026 rule does not apply",
                        anIncident().residents("US", "US-CA", 10).discovered("2025-12-20T08:00:00Z")
                                .aware("2025-12-20T09:00:00Z"), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void obligationsFollowTheMatrix(String name, Facts facts, List<String> expected) {
        assertEquals(expected.stream().sorted().toList(), Rules.obligations(CA, facts));
    }

    @Test
    void theReasonQuotesTheThresholdWithTheActualNumber() {
        ObligationDraft ag = Rules.only(CA, "AG_NOTICE", anIncident().residents("US", "US-CA", 612));
        assertTrue(ag.reason().contains("612 affected subjects in US-CA > 500"), ag.reason());
        assertNull(ag.dueAt());
        assertTrue(ag.dueBasis().contains("the clock has not started"), ag.dueBasis());
    }

    @Test
    void ssnExposureOffersIdentityTheftServicesAndCoverageIsTheState() {
        ObligationDraft people = Rules.only(CA, "INDIVIDUAL_NOTICE",
                anIncident().residents("US", "US-CA", 3).categories(DataCategory.GOVERNMENT_ID));
        assertEquals(List.of("US"), people.terms().coveredCountries());
        assertEquals(List.of("US-CA"), people.terms().coveredRegions());
        assertEquals(List.of("postal_mail", "email"), people.terms().allowedChannels());
        assertEquals(1, people.terms().remediationOffers().size());
        assertTrue(people.terms().remediationOffers().get(0).startsWith("identity_theft_services: at least 12 months"));
        ObligationDraft noSsn = Rules.only(CA, "INDIVIDUAL_NOTICE",
                anIncident().residents("US", "US-CA", 3).categories(DataCategory.CONTACT));
        assertTrue(noSsn.terms().remediationOffers().isEmpty());
    }

    @Test
    void substituteTermsAreOfferedWhenTheRegimeApplies() {
        Evaluation e = Rules.evaluate(anIncident().residents("US", "US-CA", 3));
        Evaluation.SubstituteOffer offer = e.substitutes().stream().filter(s -> s.regimeId().equals(CA)).findFirst()
                .orElseThrow();
        assertNull(offer.obligationKey());
        assertEquals(3, offer.rule().components().size());
        assertEquals(30, offer.rule().components().get(1).minDays());
    }
}
