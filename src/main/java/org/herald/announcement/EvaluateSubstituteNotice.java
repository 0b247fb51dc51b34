package org.herald.announcement;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.herald.notice.DeliveryStatistics;
import org.herald.notice.DeliveryStatisticsSource;
import org.herald.rules.Obligations;
import org.herald.rules.SubstituteNoticeTerms;

/**
 * Gathers the live facts of an incident (its affected set's reach, the campaign's unreachable
 * subjects, the cost of telling everyone one by one) and runs {@link SubstituteNoticeDecision} for
 * every regime's substitute-notice terms.
 */
@ApplicationScoped
public class EvaluateSubstituteNotice {

    private final Obligations obligations;
    private final DeliveryStatisticsSource deliveries;
    private final AffectedReach reach;
    private final AnnouncementConfig config;

    EvaluateSubstituteNotice(Obligations obligations, DeliveryStatisticsSource deliveries, AffectedReach reach,
            AnnouncementConfig config) {
        this.obligations = obligations;
        this.deliveries = deliveries;
        this.reach = reach;
        this.config = config;
    }

    public SubstituteNoticeEvaluation evaluate(UUID incidentId, SubstituteNoticeFacts.Judgement judgement) {
        Reach all = reach.of(incidentId);
        DeliveryStatistics stats = deliveries.forIncident(incidentId);
        List<TermsDecision> decisions = new ArrayList<>();
        for (SubstituteNoticeTerms terms : obligations.substituteNoticeTerms(incidentId)) {
            decisions.add(SubstituteNoticeDecision.decide(terms, facts(terms, all, stats, judgement)));
        }
        BigDecimal totalCost = costOf(all, all, stats);
        return summarise(incidentId, all.subjects(), all.withoutContact(), stats.subjectsUnreachable(), totalCost,
                config.cost().currency(), decisions, config.autoPublishRegimes().orElse(Set.of()));
    }

    /**
     * The facts for one regime: the unreachable are those whose notice under this regime ended
     * UNREACHABLE, less those without any contact point (counted apart). Only when the delivery
     * statistics carry no per-regime breakdown is the incident's total used, capped at the covered
     * subjects who had a contact point: an upper bound (docs/announcements.md).
     */
    SubstituteNoticeFacts facts(SubstituteNoticeTerms terms, Reach all, DeliveryStatistics stats,
            SubstituteNoticeFacts.Judgement judgement) {
        Reach covered = all.covered(terms.coveredCountries(), terms.coveredRegions());
        long withoutContact = covered.withoutContact();
        long withContact = covered.subjects() - withoutContact;
        Map<String, Long> byRegime = stats.unreachableByRegime();
        long unreachable = byRegime == null || byRegime.isEmpty()
                ? Math.min(stats.subjectsUnreachable(), withContact)
                : Math.max(0, Math.min(byRegime.getOrDefault(terms.regimeId(), 0L) - withoutContact, withContact));
        return new SubstituteNoticeFacts(covered.subjects(), withoutContact, unreachable, costOf(covered, all, stats),
                config.cost().currency(), judgement);
    }

    /**
     * The forecast for the covered subjects; when they are the whole affected set and the campaign
     * has already sent more than that, what was actually spent counts instead.
     */
    private BigDecimal costOf(Reach covered, Reach all, DeliveryStatistics stats) {
        BigDecimal forecast = covered.forecastCost(config.cost().perNotice());
        if (covered.subjects() != all.subjects() || stats.byChannel() == null) {
            return forecast;
        }
        BigDecimal spent = BigDecimal.ZERO;
        for (var e : stats.byChannel().entrySet()) {
            BigDecimal each = config.cost().perNotice().getOrDefault(e.getKey(), BigDecimal.ZERO);
            spent = spent.add(each.multiply(BigDecimal.valueOf(e.getValue().sent())));
        }
        return spent.max(forecast);
    }

    static SubstituteNoticeEvaluation summarise(UUID incidentId, long affected, long withoutContact, long unreachable,
            BigDecimal cost, String currency, List<TermsDecision> decisions, Set<String> autoPublishRegimes) {
        List<TermsDecision> met = decisions.stream().filter(TermsDecision::met).toList();
        Integer minDays = null;
        String minDaysBasis = null;
        boolean tollFree = false;
        for (TermsDecision d : met) {
            for (SubstituteNoticeTerms.Component c : d.terms().components()) {
                if (c.minDays() != null && (minDays == null || c.minDays() > minDays)) {
                    minDays = c.minDays();
                    minDaysBasis = d.regimeId() + " (" + d.jurisdiction() + ") requires " + c.type().replace('_', ' ')
                            + " for at least " + c.minDays() + " days"
                            + (d.terms().citations().isEmpty() ? "" : ", " + String.join(", ", d.terms().citations()));
                }
                tollFree |= "toll_free_number".equals(c.type());
            }
        }
        List<String> auto = met.stream().map(TermsDecision::regimeId).filter(autoPublishRegimes::contains).distinct()
                .sorted().toList();
        String reason = met.isEmpty()
                ? (decisions.isEmpty() ? "No applicable rule provides for a substitute notice."
                        : "No rule's substitute-notice condition holds. "
                                + decisions.stream().map(TermsDecision::reason).collect(Collectors.joining(" ")))
                : met.stream().sorted(Comparator.comparing(TermsDecision::regimeId)).map(TermsDecision::reason)
                        .collect(Collectors.joining(" "));
        return new SubstituteNoticeEvaluation(incidentId, affected, withoutContact, unreachable, cost, currency, decisions,
                !met.isEmpty(), minDays, minDaysBasis, tollFree, !auto.isEmpty(),
                auto.isEmpty() ? null : "auto-publish configured for " + String.join(", ", auto), reason);
    }
}
