package org.herald.rules;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What an open individual-notice obligation demands of the notices sent under it; the notice
 * campaign plans from these terms.
 *
 * <p>A subject is covered when its country is in {@code coveredCountries} and, if
 * {@code coveredRegions} is not empty, its ISO 3166-2 region is in {@code coveredRegions}.
 * {@code allowedChannels} uses the rule vocabulary ({@code email}, {@code sms}, {@code phone},
 * {@code push}, {@code postal_mail}, {@code first_class_mail}, {@code in_app_user_account}, ...), in
 * the order the rule prefers; empty means the rule does not restrict the means.
 * {@code requiredContent} and {@code prohibitedContent} use the canonical content-element
 * vocabulary ({@code nature_description}, {@code likely_consequences_or_harm}, {@code measures_taken},
 * {@code measures_planned}, {@code self_protection_advice}, {@code mitigation_for_subjects},
 * {@code contact_point_or_dpo}, {@code number_affected}, ...).
 */
public record IndividualNoticeTerms(UUID obligationId, String regimeId, String jurisdiction,
        Set<String> coveredCountries, Set<String> coveredRegions, Instant dueAt, String dueBasis,
        List<String> allowedChannels, List<String> requiredContent, List<String> prohibitedContent,
        boolean guardianForMinors, boolean nextOfKinForDeceased, List<String> remediationOffers,
        String reason) {
}
