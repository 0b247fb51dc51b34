package org.herald.rules;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A regime's substitute-notice (public announcement) terms for an incident it applies to: when a
 * public notice may or must take the place of individual notice, what it must consist of, and whom
 * it covers. Subjects are covered as in {@link IndividualNoticeTerms}. Conditions are OR-ed.
 *
 * @param residualCoverage true when the announcement covers only the people who could not be
 *     reached (HIPAA, Korea); false when it replaces individual notice for the whole class (US states)
 * @param obligationId the substitute-notice obligation when the assessment created one, else null
 */
public record SubstituteNoticeTerms(UUID obligationId, String regimeId, String jurisdiction, List<String> citations,
        Set<String> coveredCountries, Set<String> coveredRegions, List<Condition> conditions,
        List<Component> components, boolean allComponentsRequired, boolean residualCoverage, String confidence) {

    /**
     * One condition: {@code type} is {@code cost_exceeds} (amount, currency), {@code affected_exceeds}
     * (comparator {@code gt}/{@code gte}, count), {@code insufficient_contact_info} (optional count),
     * {@code disproportionate_effort}, {@code impracticable_or_difficult},
     * {@code direct_notice_causes_further_harm}, {@code undue_hardship} or
     * {@code neither_all_nor_at_risk_practicable}; unused fields are null.
     */
    public record Condition(String type, Long amount, String currency, String comparator, Long count) {
    }

    /**
     * One component: {@code type} is {@code email_where_available}, {@code website_posting},
     * {@code statewide_media}, {@code print_and_broadcast_media}, {@code toll_free_number},
     * {@code premises_posting}, {@code public_announcement_plus_inquiry_desk},
     * {@code publicise_statement}, ...; {@code minDays} is the minimum posting time when the rule
     * sets one.
     */
    public record Component(String type, Integer minDays, String placement) {
    }
}
