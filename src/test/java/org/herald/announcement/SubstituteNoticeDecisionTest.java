package org.herald.announcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.herald.rules.SubstituteNoticeTerms;
import org.herald.rules.SubstituteNoticeTerms.Component;
import org.herald.rules.SubstituteNoticeTerms.Condition;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The substitute-notice decision per condition type, with the numbers at the edges. No Quarkus. */
class SubstituteNoticeDecisionTest {

    static SubstituteNoticeTerms terms(boolean residual, List<Component> components, Condition... conditions) {
        return new SubstituteNoticeTerms(null, "us-ca", "US-CA", List.of("Cal. Civ. Code § 1798.82(j)(3)"), Set.of("US"),
                Set.of("US-CA"), List.of(conditions), components, true, residual, "primary");
    }

    static SubstituteNoticeTerms terms(Condition... conditions) {
        return terms(false, List.of(), conditions);
    }

    static SubstituteNoticeFacts facts(long covered, long withoutContact, long unreachable, String cost) {
        return new SubstituteNoticeFacts(covered, withoutContact, unreachable, new BigDecimal(cost), "USD",
                SubstituteNoticeFacts.Judgement.NONE);
    }

    static Condition cost(long amount, String currency) {
        return new Condition("cost_exceeds", amount, currency, null, null);
    }

    static Condition affected(String comparator, long count) {
        return new Condition("affected_exceeds", null, null, comparator, count);
    }

    static Condition contact(Long count) {
        return new Condition("insufficient_contact_info", null, null, null, count);
    }

    static Condition of(String type) {
        return new Condition(type, null, null, null, null);
    }

    @Nested
    class CostExceeds {

        @Test
        void costEqualToTheThresholdDoesNotExceedIt() {
            TermsDecision d = SubstituteNoticeDecision.decide(terms(cost(250_000, "USD")), facts(10, 0, 0, "250000.00"));
            assertThat(d.met()).isFalse();
            assertThat(d.checks().get(0).reason()).contains("250000.00 USD does not exceed 250000 USD");
        }

        @Test
        void oneCentOverTheThresholdExceedsIt() {
            TermsDecision d = SubstituteNoticeDecision.decide(terms(cost(250_000, "USD")), facts(10, 0, 0, "250000.01"));
            assertThat(d.met()).isTrue();
            assertThat(d.reason()).contains("exceeds 250000 USD").contains("replaces individual notice for all 10");
        }

        @Test
        void aThresholdInAnotherCurrencyIsNotComparedAndNotMet() {
            TermsDecision d = SubstituteNoticeDecision.decide(terms(cost(1, "EUR")), facts(10, 0, 0, "999999"));
            assertThat(d.met()).isFalse();
            assertThat(d.checks().get(0).reason()).contains("not compared");
        }
    }

    @Nested
    class AffectedExceeds {

        @Test
        void greaterThanNeedsOneMoreThanTheCount() {
            assertThat(SubstituteNoticeDecision.decide(terms(affected("gt", 500_000)), facts(500_000, 0, 0, "0")).met())
                    .isFalse();
            TermsDecision over = SubstituteNoticeDecision.decide(terms(affected("gt", 500_000)), facts(500_001, 0, 0, "0"));
            assertThat(over.met()).isTrue();
            assertThat(over.checks().get(0).reason()).isEqualTo("500001 affected people covered — more than 500000");
        }

        @Test
        void atLeastIsMetAtTheCountItself() {
            assertThat(SubstituteNoticeDecision.decide(terms(affected("gte", 500)), facts(499, 0, 0, "0")).met()).isFalse();
            assertThat(SubstituteNoticeDecision.decide(terms(affected("gte", 500)), facts(500, 0, 0, "0")).met()).isTrue();
        }
    }

    @Nested
    class InsufficientContactInfo {

        @Test
        void withACountTenOrMoreUnreachedAreNeeded() {
            TermsDecision nine = SubstituteNoticeDecision.decide(terms(contact(10L)), facts(100, 6, 3, "0"));
            assertThat(nine.met()).isFalse();
            assertThat(nine.checks().get(0).reason()).startsWith("9 people cannot be reached one by one (6 without a"
                    + " usable contact point, 3 unreachable after every channel) — not at least 10");
            assertThat(SubstituteNoticeDecision.decide(terms(contact(10L)), facts(100, 6, 4, "0")).met()).isTrue();
        }

        @Test
        void withoutACountOneUnreachedPersonSuffices() {
            assertThat(SubstituteNoticeDecision.decide(terms(contact(null)), facts(100, 0, 0, "0")).met()).isFalse();
            assertThat(SubstituteNoticeDecision.decide(terms(contact(null)), facts(100, 0, 1, "0")).met()).isTrue();
            assertThat(SubstituteNoticeDecision.decide(terms(contact(null)), facts(100, 1, 0, "0")).met()).isTrue();
        }

        @Test
        void residualCoverageCoversOnlyTheUnreached() {
            TermsDecision d = SubstituteNoticeDecision.decide(terms(true, List.of(), contact(10L)), facts(800, 7, 5, "0"));
            assertThat(d.met()).isTrue();
            assertThat(d.coveredByAnnouncement()).isEqualTo(12);
            assertThat(d.reason()).contains("covers only the 12 people who could not be reached");
        }
    }

    @Nested
    class Judgements {

        @Test
        void disproportionateEffortNeedsAnOfficersJudgement() {
            TermsDecision unjudged = SubstituteNoticeDecision.decide(terms(of("disproportionate_effort")),
                    facts(100, 50, 0, "0"));
            assertThat(unjudged.met()).isFalse();
            assertThat(unjudged.checks().get(0).reason()).contains("needs a privacy officer's judgement");

            SubstituteNoticeFacts judged = new SubstituteNoticeFacts(100, 50, 0, BigDecimal.ZERO, "USD",
                    SubstituteNoticeFacts.Judgement.of("records hold only partial street addresses"));
            TermsDecision d = SubstituteNoticeDecision.decide(terms(of("disproportionate_effort")), judged);
            assertThat(d.met()).isTrue();
            assertThat(d.reason()).contains("a privacy officer judged disproportionate effort: records hold only partial"
                    + " street addresses");
        }

        @Test
        void aBlankJudgementIsNoJudgement() {
            assertThat(SubstituteNoticeFacts.Judgement.of("  ").disproportionateEffort()).isFalse();
        }

        @Test
        void undueHardshipAndOtherJudgedConditionsFollowTheJudgement() {
            for (String type : List.of("undue_hardship", "neither_all_nor_at_risk_practicable",
                    "direct_notice_causes_further_harm")) {
                assertThat(SubstituteNoticeDecision.decide(terms(of(type)), facts(5, 0, 0, "0")).met()).as(type).isFalse();
                assertThat(SubstituteNoticeDecision.decide(terms(of(type)), new SubstituteNoticeFacts(5, 0, 0, null, "USD",
                        SubstituteNoticeFacts.Judgement.of("reason given"))).met()).as(type).isTrue();
            }
        }

        @Test
        void difficultOneByOneHoldsWhenSomeoneCannotBeReached() {
            assertThat(SubstituteNoticeDecision.decide(terms(of("impracticable_or_difficult")), facts(100, 0, 0, "0"))
                    .met()).isFalse();
            TermsDecision one = SubstituteNoticeDecision.decide(terms(of("impracticable_or_difficult")),
                    facts(100, 0, 1, "0"));
            assertThat(one.met()).isTrue();
            assertThat(one.checks().get(0).reason()).contains("1 people who cannot be reached");
        }
    }

    @Test
    void conditionsAreOred() {
        TermsDecision d = SubstituteNoticeDecision.decide(terms(cost(250_000, "USD"), affected("gt", 500_000),
                contact(null)), facts(40, 0, 2, "10"));
        assertThat(d.met()).isTrue();
        assertThat(d.checks()).extracting(ConditionCheck::met).containsExactly(false, false, true);
    }

    @Test
    void anUnknownConditionIsNeverTakenAsMet() {
        TermsDecision d = SubstituteNoticeDecision.decide(terms(of("moon_phase")), facts(1, 1, 1, "1"));
        assertThat(d.met()).isFalse();
        assertThat(d.coveredByAnnouncement()).isZero();
    }

    @Test
    void theLongestPostingTimeAndAToll_freeNumberComeFromTheRulesThatHold() {
        UUID incident = UUID.randomUUID();
        TermsDecision hipaa = SubstituteNoticeDecision.decide(new SubstituteNoticeTerms(null, "hipaa", "US",
                List.of("45 CFR 164.404(d)(2)"), Set.of("US"), Set.of(), List.of(contact(10L)),
                List.of(new Component("website_posting", 90, "home page"), new Component("toll_free_number", 90, null)),
                false, true, "primary"), facts(100, 10, 0, "0"));
        TermsDecision state = SubstituteNoticeDecision.decide(terms(false,
                List.of(new Component("website_posting", 30, null), new Component("email_where_available", null, null)),
                contact(null)), facts(100, 10, 0, "0"));
        TermsDecision notMet = SubstituteNoticeDecision.decide(terms(false,
                List.of(new Component("website_posting", 365, null)), affected("gt", 1000)), facts(100, 10, 0, "0"));
        SubstituteNoticeEvaluation e = EvaluateSubstituteNotice.summarise(incident, 100, 10, 0, BigDecimal.ZERO, "USD",
                List.of(state, hipaa, notMet), Set.of("hipaa"));
        assertThat(e.announcementAllowed()).isTrue();
        assertThat(e.minDays()).isEqualTo(90);
        assertThat(e.minDaysBasis()).contains("hipaa (US) requires website posting for at least 90 days");
        assertThat(e.tollFreeRequired()).isTrue();
        assertThat(e.autoPublish()).isTrue();
        assertThat(e.coveredByAnnouncement()).isEqualTo(10 + 100);
    }

    @Test
    void nothingHoldsMeansNoAnnouncementAndSaysWhy() {
        TermsDecision d = SubstituteNoticeDecision.decide(terms(affected("gt", 1000)), facts(100, 0, 0, "0"));
        SubstituteNoticeEvaluation e = EvaluateSubstituteNotice.summarise(UUID.randomUUID(), 100, 0, 0, BigDecimal.ZERO,
                "USD", List.of(d), Set.of());
        assertThat(e.announcementAllowed()).isFalse();
        assertThat(e.reason()).startsWith("No rule's substitute-notice condition holds.").contains("not more than 1000");
    }

    @Test
    void theCostForecastTakesEachSubjectsCheapestChannel() {
        Reach reach = new Reach(List.of(
                new Reach.Row("US", "US-CA", true, true, false, true, 1000),
                new Reach.Row("US", "US-CA", false, true, false, true, 100),
                new Reach.Row("US", "US-NY", false, false, false, true, 10),
                new Reach.Row("US", "US-NY", false, false, false, false, 7)));
        Map<String, BigDecimal> costs = Map.of("email", new BigDecimal("0.001"), "sms", new BigDecimal("0.01"),
                "letter", new BigDecimal("1.00"));
        assertThat(reach.forecastCost(costs)).isEqualByComparingTo("12.000");
        assertThat(reach.withoutContact()).isEqualTo(7);
        assertThat(reach.covered(Set.of("US"), Set.of("US-NY")).subjects()).isEqualTo(17);
        assertThat(reach.covered(Set.of("US"), Set.of()).subjects()).isEqualTo(1117);
        assertThat(reach.covered(Set.of("GB"), Set.of()).subjects()).isZero();
    }
}
