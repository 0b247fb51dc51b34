package org.herald.announcement;

import java.util.List;
import org.herald.rules.SubstituteNoticeTerms;

/**
 * One regime's substitute-notice decision: the conditions checked (any one that holds suffices),
 * how many people the announcement covers under it, and the sentence an officer reads.
 *
 * @param coveredByAnnouncement the unreached only for a residual regime (HIPAA, Korea), else every covered subject
 */
public record TermsDecision(SubstituteNoticeTerms terms, SubstituteNoticeFacts facts, List<ConditionCheck> checks,
        boolean met, long coveredByAnnouncement, String reason) {

    public String regimeId() {
        return terms.regimeId();
    }

    public String jurisdiction() {
        return terms.jurisdiction();
    }
}
