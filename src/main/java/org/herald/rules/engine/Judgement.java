package org.herald.rules.engine;

import java.time.Instant;

/**
 * What the privacy officer decided or learnt while assessing, beyond the incident's recorded facts:
 * the risk to people, the times legal clocks start from that the incident does not record, and the
 * facts behind safe harbours. Every field is optional; the reason of each obligation says which
 * values it used and where a default came from.
 *
 * @param riskLevel {@code unlikely}, {@code risk} or {@code high}; without it the incident's severity
 *     decides (LOW → unlikely, MEDIUM → risk, HIGH and CRITICAL → high)
 * @param determinedAt when the organisation determined that a breach occurred (TX, FL, NYDFS,
 *     PIPEDA); defaults to the awareness time
 * @param assessedNotifiableAt when the breach was assessed as notifiable (Singapore); defaults to
 *     {@code determinedAt}
 * @param materialityDeterminedAt when the incident was determined material (SEC Form 8-K 1.05)
 * @param ransomPaidAt when an extortion payment was made (NYDFS 500.17(c))
 * @param handlingClosedAt when incident handling ended (China: final summary within 30 days)
 * @param harmEffectivelyAvoided measures effectively avoid harm (PIPL 57; remedial action in AU, SG)
 * @param highRiskNoLongerLikely later measures mean high risk is no longer likely (GDPR 34(3)(b))
 * @param lowProbabilityOfCompromise a documented assessment shows a low probability that the data
 *     was compromised (HIPAA 164.402)
 * @param confinedWithinOrganisation the breach stayed within the organisation (Singapore s.26B)
 * @param noLikelyHarmAfterLawEnforcementConsultation after consulting law enforcement, identity theft
 *     or financial harm is judged not likely (Florida 501.171(4)(c))
 * @param smallProcessingAgent the organisation is a small processing agent (Brazil: deadlines doubled)
 * @param noticeCostUsd the estimated cost of individual notice, for substitute-notice conditions
 */
public record Judgement(String riskLevel, Instant determinedAt, Instant assessedNotifiableAt,
        Instant materialityDeterminedAt, Instant ransomPaidAt, Instant handlingClosedAt,
        Boolean harmEffectivelyAvoided, Boolean highRiskNoLongerLikely, Boolean lowProbabilityOfCompromise,
        Boolean confinedWithinOrganisation, Boolean noLikelyHarmAfterLawEnforcementConsultation,
        Boolean smallProcessingAgent, Long noticeCostUsd) {

    public static final Judgement NONE = new Judgement(null, null, null, null, null, null, null, null, null, null,
            null, null, null);

    static boolean yes(Boolean b) {
        return b != null && b;
    }
}
