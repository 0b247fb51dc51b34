package org.herald.rules.model;

/**
 * When a notice is due: {@code value} {@code unit}s after the {@code clockStart} event, or only a
 * qualifier ("without undue delay") when the law sets no number.
 *
 * @param unit {@code minutes}, {@code hours}, {@code calendar_days}, {@code business_days} or
 *     {@code working_days}
 * @param clockStart {@code awareness}, {@code discovery}, {@code discovery_or_notified},
 *     {@code determination_breach_occurred}, {@code determination_notifiable},
 *     {@code knowledge_personal_data_affected}, {@code materiality_determination},
 *     {@code consumer_notice_sent}, {@code authority_notice_sent}, {@code incident_handling_closed}, {@code extortion_payment_made},
 *     {@code calendar_year_end}
 * @param qualifier {@code where_feasible}, {@code asap}, {@code without_undue_delay},
 *     {@code immediately}, {@code as_soon_as_feasible}, {@code as_soon_as_practicable},
 *     {@code promptly}, {@code without_unreasonable_delay}
 * @param smallAgentMultiplier the factor for small processing agents (Brazil: 2)
 */
public record Deadline(Integer value, String unit, String clockStart, String qualifier, Boolean hardLimit,
        Integer smallAgentMultiplier, String confidence) {

    public boolean hasValue() {
        return value != null;
    }

    public boolean isHard() {
        return hardLimit == null || hardLimit;
    }
}
