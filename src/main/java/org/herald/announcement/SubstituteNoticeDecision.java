package org.herald.announcement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.herald.rules.SubstituteNoticeTerms;
import org.herald.rules.SubstituteNoticeTerms.Condition;

/**
 * Decides whether one regime's substitute-notice conditions hold for the facts of an incident.
 * Conditions are OR-ed, as the rules state them; every check says which numbers it compared, so the
 * sentence a privacy officer approves is the one the code acted on. Pure: no clock, no database.
 */
public final class SubstituteNoticeDecision {

    private SubstituteNoticeDecision() {
    }

    public static TermsDecision decide(SubstituteNoticeTerms terms, SubstituteNoticeFacts facts) {
        List<ConditionCheck> checks = new ArrayList<>();
        for (Condition condition : terms.conditions()) {
            checks.add(check(condition, facts));
        }
        boolean met = checks.stream().anyMatch(ConditionCheck::met);
        long covered = terms.residualCoverage() ? Math.min(facts.unreached(), facts.coveredSubjects())
                : facts.coveredSubjects();
        String reason;
        if (checks.isEmpty()) {
            reason = terms.regimeId() + " (" + terms.jurisdiction() + ") states no substitute-notice condition.";
        } else if (met) {
            reason = terms.regimeId() + " (" + terms.jurisdiction() + ") allows a public announcement: "
                    + checks.stream().filter(ConditionCheck::met).map(ConditionCheck::reason)
                            .collect(Collectors.joining("; "))
                    + (terms.residualCoverage()
                            ? ". It covers only the " + covered + " people who could not be reached."
                            : ". It replaces individual notice for all " + covered + " people it covers.");
        } else {
            reason = terms.regimeId() + " (" + terms.jurisdiction() + ") does not allow a public announcement yet: "
                    + checks.stream().map(ConditionCheck::reason).collect(Collectors.joining("; ")) + ".";
        }
        return new TermsDecision(terms, facts, List.copyOf(checks), met, met ? covered : 0, reason);
    }

    static ConditionCheck check(Condition c, SubstituteNoticeFacts f) {
        String type = c.type() == null ? "" : c.type();
        return switch (type) {
            case "cost_exceeds" -> costExceeds(c, f);
            case "affected_exceeds" -> affectedExceeds(c, f);
            case "insufficient_contact_info" -> insufficientContact(c, f);
            case "impracticable_or_difficult" -> impracticable(c, f);
            case "disproportionate_effort", "undue_hardship", "neither_all_nor_at_risk_practicable",
                    "direct_notice_causes_further_harm" -> judged(type, f);
            default -> new ConditionCheck(type, false, "condition '" + type + "' is not known to Herald and is not"
                    + " taken as met");
        };
    }

    /** Strictly more than the threshold: statutes say "would exceed". */
    private static ConditionCheck costExceeds(Condition c, SubstituteNoticeFacts f) {
        if (c.amount() == null) {
            return new ConditionCheck(c.type(), false, "the cost condition names no amount");
        }
        String currency = c.currency() == null ? f.currency() : c.currency();
        if (!currency.equalsIgnoreCase(f.currency())) {
            return new ConditionCheck(c.type(), false, "cost threshold " + c.amount() + " " + currency
                    + " is not compared: per-notice costs are configured in " + f.currency());
        }
        BigDecimal threshold = BigDecimal.valueOf(c.amount());
        boolean met = f.costEstimate().compareTo(threshold) > 0;
        return new ConditionCheck(c.type(), met, "estimated cost of individual notice " + money(f.costEstimate())
                + " " + f.currency() + (met ? " exceeds " : " does not exceed ") + c.amount() + " " + currency);
    }

    private static ConditionCheck affectedExceeds(Condition c, SubstituteNoticeFacts f) {
        if (c.count() == null) {
            return new ConditionCheck(c.type(), false, "the affected-count condition names no count");
        }
        boolean gte = "gte".equalsIgnoreCase(c.comparator());
        boolean met = gte ? f.coveredSubjects() >= c.count() : f.coveredSubjects() > c.count();
        return new ConditionCheck(c.type(), met, f.coveredSubjects() + " affected people covered"
                + (met ? " — " : " — not ") + (gte ? "at least " : "more than ") + c.count());
    }

    /**
     * Without a count, one person who cannot be reached suffices; with one ("10 or more" in HIPAA),
     * the comparator decides and defaults to "at least".
     */
    private static ConditionCheck insufficientContact(Condition c, SubstituteNoticeFacts f) {
        long unreached = f.unreached();
        String numbers = unreached + " people cannot be reached one by one (" + f.withoutContact()
                + " without a usable contact point, " + f.unreachable() + " unreachable after every channel)";
        if (c.count() == null) {
            boolean met = unreached > 0;
            return new ConditionCheck(c.type(), met, numbers + (met ? "" : " — none"));
        }
        boolean gt = "gt".equalsIgnoreCase(c.comparator());
        boolean met = gt ? unreached > c.count() : unreached >= c.count();
        return new ConditionCheck(c.type(), met, numbers + (met ? " — " : " — not ")
                + (gt ? "more than " : "at least ") + c.count());
    }

    /** "Difficult to inform one by one": holds when someone cannot be reached, or when an officer judged so. */
    private static ConditionCheck impracticable(Condition c, SubstituteNoticeFacts f) {
        if (f.judgement().disproportionateEffort()) {
            return judged(c.type(), f);
        }
        boolean met = f.unreached() > 0;
        return new ConditionCheck(c.type(), met, met
                ? "informing one by one is impracticable for " + f.unreached() + " people who cannot be reached"
                : "everyone covered can be reached one by one and no officer judged it impracticable");
    }

    private static ConditionCheck judged(String type, SubstituteNoticeFacts f) {
        String name = type.replace('_', ' ').toLowerCase(Locale.ROOT);
        if (f.judgement().disproportionateEffort()) {
            return new ConditionCheck(type, true, "a privacy officer judged " + name + ": " + f.judgement().reason());
        }
        return new ConditionCheck(type, false, name + " needs a privacy officer's judgement, which has not been given");
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
