package org.herald.rules.model;

import java.util.List;

/**
 * One notice a regime asks for: to an authority, the individuals, the media, consumer reporting
 * agencies or an attorney general, possibly in phases (initial, final, ...). Each becomes one
 * obligation when its conditions hold, or one per region when {@code perRegion} is set (HIPAA media
 * notice: more than 500 residents of a State).
 *
 * @param kind {@code authority_notice}, {@code individual_notice}, {@code media_notice},
 *     {@code cra_notice} or {@code ag_notice}
 * @param harmThreshold overrides the regime's harm test for this notice
 * @param safeHarbors exemptions of this notice, considered besides the regime's own
 * @param confidence overrides the regime's confidence for the facts of this notice
 */
public record NoticeRule(String kind, String recipient, String phase, Condition when, String harmThreshold,
        List<String> safeHarbors, Deadline deadline, Boolean lateNoticeReasonRequired, List<String> requiredContent,
        List<String> prohibitedContent, List<String> allowedChannels, List<String> channelConstraints,
        Routing routing, List<RemediationOffer> remediationOffers, Boolean perRegion, String confidence,
        String note) {

    public NoticeRule {
        phase = phase == null ? "initial" : phase;
        safeHarbors = safeHarbors == null ? List.of() : List.copyOf(safeHarbors);
        requiredContent = requiredContent == null ? List.of() : List.copyOf(requiredContent);
        prohibitedContent = prohibitedContent == null ? List.of() : List.copyOf(prohibitedContent);
        allowedChannels = allowedChannels == null ? List.of() : List.copyOf(allowedChannels);
        channelConstraints = channelConstraints == null ? List.of() : List.copyOf(channelConstraints);
        remediationOffers = remediationOffers == null ? List.of() : List.copyOf(remediationOffers);
        routing = routing == null ? Routing.NONE : routing;
    }

    public boolean lateReasonRequired() {
        return lateNoticeReasonRequired != null && lateNoticeReasonRequired;
    }

    public boolean splitPerRegion() {
        return perRegion != null && perRegion;
    }

    /** Who receives a notice meant for a minor or a deceased person. */
    public record Routing(Integer minorAgeThreshold, Boolean notifyGuardian, Boolean nextOfKinForDeceased) {
        static final Routing NONE = new Routing(null, null, null);

        public boolean guardian() {
            return notifyGuardian != null && notifyGuardian;
        }

        public boolean nextOfKin() {
            return nextOfKinForDeceased != null && nextOfKinForDeceased;
        }
    }

    /**
     * A remedy the notice must offer, e.g. 18 months of credit monitoring when social security
     * numbers were exposed; {@code categoriesAny} limits it to incidents exposing one of them.
     */
    public record RemediationOffer(String type, Integer months, String condition, List<String> categoriesAny) {
        public RemediationOffer {
            categoriesAny = categoriesAny == null ? List.of() : List.copyOf(categoriesAny);
        }
    }
}
