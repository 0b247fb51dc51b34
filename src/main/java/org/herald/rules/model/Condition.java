package org.herald.rules.model;

import java.util.List;

/**
 * A condition in a rule file. Exactly one of the fields is set: a head count compared with a
 * threshold, a harm test, exposed data categories, causes, an organisation fact, an assessment
 * fact, or a combination ({@code allOf}, {@code anyOf}, {@code not}).
 */
public record Condition(List<Condition> allOf, List<Condition> anyOf, Condition not, Count count, String harm,
        List<String> categoriesAny, List<String> causesAny, String organisation, String fact) {

    /**
     * A count compared with a threshold, exactly as the law words it: {@code gt} is "more than",
     * {@code gte} "at least" / "N or more".
     *
     * @param basis {@code residents} (affected subjects the regime covers), {@code total} (every
     *     affected subject, or the estimate when no scope is defined) or {@code unreachable}
     *     (covered residents without any contact point)
     */
    public record Count(String comparator, long value, String basis) {
        public Count {
            basis = basis == null ? "residents" : basis;
        }

        public boolean holds(long actual) {
            return switch (comparator) {
                case "gt" -> actual > value;
                case "gte" -> actual >= value;
                case "lt" -> actual < value;
                case "lte" -> actual <= value;
                default -> throw new IllegalArgumentException("comparator " + comparator);
            };
        }

        public String symbol() {
            return switch (comparator) {
                case "gt" -> ">";
                case "gte" -> "≥";
                case "lt" -> "<";
                default -> "≤";
            };
        }
    }
}
