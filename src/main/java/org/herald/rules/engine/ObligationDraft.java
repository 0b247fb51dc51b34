package org.herald.rules.engine;

import java.time.Instant;
import java.util.List;
import org.herald.rules.ObligationKind;

/**
 * An obligation as one evaluation finds it, before it is stored. {@code key} identifies it across
 * re-assessments (regime, kind, recipient, phase, jurisdiction), so a second run updates the same
 * obligation instead of adding another.
 */
public record ObligationDraft(String key, ObligationKind kind, String regimeId, String jurisdiction,
        String recipient, String phase, Instant dueAt, String dueBasis, String reason, List<String> citations,
        String confidence, long subjectsCovered, boolean lateNoticeReasonRequired, Terms terms) {

    /**
     * What a notice must look like and whom it covers: stored with the obligation so that the
     * notice campaign reads the same terms the assessment decided.
     */
    public record Terms(List<String> coveredCountries, List<String> coveredRegions, List<String> allowedChannels,
            List<String> requiredContent, List<String> prohibitedContent, List<String> channelConstraints,
            boolean guardianForMinors, boolean nextOfKinForDeceased, List<String> remediationOffers) {
    }

    static String keyOf(String regimeId, ObligationKind kind, String recipient, String phase, String jurisdiction) {
        return regimeId + "|" + kind + "|" + recipient + "|" + phase + "|" + jurisdiction;
    }
}
