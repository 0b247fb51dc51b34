package org.herald.announcement;

import java.math.BigDecimal;

/**
 * The live facts one regime's substitute-notice conditions are checked against, counted over the
 * affected subjects the regime covers.
 *
 * @param coveredSubjects affected subjects in the regime's countries/regions
 * @param withoutContact of those, subjects whose addressee has no e-mail, phone, push registration or postal address
 * @param unreachable of those, subjects whose every channel was tried and exhausted
 * @param costEstimate what notifying them one by one costs, in {@code currency}
 * @param judgement the officer's "disproportionate effort" judgement, or {@link Judgement#NONE}
 */
public record SubstituteNoticeFacts(long coveredSubjects, long withoutContact, long unreachable,
        BigDecimal costEstimate, String currency, Judgement judgement) {

    public SubstituteNoticeFacts {
        judgement = judgement == null ? Judgement.NONE : judgement;
        costEstimate = costEstimate == null ? BigDecimal.ZERO : costEstimate;
    }

    /** People who cannot be told one by one: no usable contact point, or every channel exhausted. */
    public long unreached() {
        return withoutContact + unreachable;
    }

    /** An officer's judgement that individual notice would take disproportionate effort, with the reason. */
    public record Judgement(boolean disproportionateEffort, String reason) {

        public static final Judgement NONE = new Judgement(false, null);

        public static Judgement of(String reason) {
            return reason == null || reason.isBlank() ? NONE : new Judgement(true, reason.strip());
        }
    }
}
