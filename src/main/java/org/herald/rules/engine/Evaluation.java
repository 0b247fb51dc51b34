package org.herald.rules.engine;

import java.util.List;
import org.herald.rules.model.SubstituteRule;

/**
 * The result of evaluating every regime against one incident: what each regime concluded and why,
 * the obligations found, and the substitute-notice terms of the regimes that apply.
 */
public record Evaluation(List<RegimeOutcome> regimes, List<ObligationDraft> obligations,
        List<SubstituteOffer> substitutes) {

    /**
     * One regime's conclusion.
     *
     * @param outcome {@code applies}, {@code exempt} (a safe harbour holds), {@code not_applicable},
     *     {@code undetermined} (a fact is missing) or {@code upcoming} (not yet in force, or a proposal)
     */
    public record RegimeOutcome(String regimeId, String name, String jurisdiction, String outcome,
            String explanation, String confidence, long residents) {
    }

    /** A regime that applies and has substitute-notice terms; {@code obligationKey} is set when one was created. */
    public record SubstituteOffer(String regimeId, String jurisdiction, List<String> citations,
            List<String> coveredCountries, List<String> coveredRegions, SubstituteRule rule, String confidence,
            String obligationKey) {
    }
}
