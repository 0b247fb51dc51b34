package org.herald.rules.model;

import java.util.List;

/**
 * When a public notice may take the place of individual notice, and what it consists of.
 * Conditions are OR-ed; {@code allRequired} says whether every component is needed.
 */
public record SubstituteRule(List<Condition> conditions, List<Component> components, Boolean allRequired,
        Boolean residualCoverage, String requiresDemonstrationTo, String confidence, String note) {

    public SubstituteRule {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        components = components == null ? List.of() : List.copyOf(components);
    }

    /** {@code type}: cost_exceeds, affected_exceeds, insufficient_contact_info, disproportionate_effort, ... */
    public record Condition(String type, Long amount, String currency, String comparator, Long count) {
    }

    public record Component(String type, Integer minDays, String placement) {
    }
}
