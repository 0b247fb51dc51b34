package org.herald.announcement;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Every applicable regime's substitute-notice decision for an incident, with the facts behind them
 * and what an announcement would then owe: the longest minimum posting time, a toll-free number,
 * e-mail where available, media notices.
 */
public record SubstituteNoticeEvaluation(UUID incidentId, long affected, long withoutContact, long unreachable,
        BigDecimal costEstimate, String currency, List<TermsDecision> decisions, boolean announcementAllowed,
        Integer minDays, String minDaysBasis, boolean tollFreeRequired, boolean autoPublish, String autoPublishBasis,
        String reason) {

    public List<TermsDecision> met() {
        return decisions.stream().filter(TermsDecision::met).toList();
    }

    public long coveredByAnnouncement() {
        return met().stream().mapToLong(TermsDecision::coveredByAnnouncement).sum();
    }
}
