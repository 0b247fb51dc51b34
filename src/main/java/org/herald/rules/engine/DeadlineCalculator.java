package org.herald.rules.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.herald.rules.model.Deadline;

/**
 * Turns a rule's deadline and the instant its clock started into a due time, exactly:
 * <ul>
 * <li>{@code minutes} and {@code hours} are added to the start instant;</li>
 * <li>{@code calendar_days}: the N-th day after the start day (in the regime's time zone), due at the
 * end of that day (23:59:59);</li>
 * <li>{@code business_days} / {@code working_days}: the N-th business day after the start day, skipping
 * weekends and the public holidays of the regime's calendar, due at the end of that day.</li>
 * </ul>
 * The start day itself never counts, as in "within 3 business days of learning".
 */
public final class DeadlineCalculator {

    static final DateTimeFormatter UTC_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(java.time.ZoneOffset.UTC);
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private DeadlineCalculator() {
    }

    /**
     * @param start when the clock started; null when that event has not happened or is not recorded
     * @param startLabel the event in words ("awareness", "the materiality determination")
     * @param multiplier 1, or the factor the rule applies (small processing agents in Brazil)
     */
    public static Due due(Deadline d, Instant start, String startLabel, ZoneId zone, BusinessCalendar calendar,
            int multiplier) {
        String qualifier = qualifierText(d.qualifier());
        if (!d.hasValue()) {
            return new Due(null, qualifier == null ? "no fixed time" : qualifier + " (no fixed time)");
        }
        int n = d.value() * multiplier;
        String span = n + " " + unitText(d.unit(), n) + " after " + startLabel
                + (multiplier > 1 ? " (" + d.value() + " × " + multiplier + ")" : "");
        String soft = d.isHard() ? "" : ", " + (qualifier == null ? "where feasible" : qualifier);
        if (start == null) {
            return new Due(null, span + soft + "; the clock has not started: " + startLabel + " is not recorded");
        }
        Instant at = add(start, n, d.unit(), zone, calendar);
        String cal = d.unit().equals("business_days") || d.unit().equals("working_days")
                ? ", skipping weekends and " + calendar.name() : "";
        return new Due(at, span + " (" + UTC_TEXT.format(start) + ")" + cal + soft);
    }

    public static Instant add(Instant start, int n, String unit, ZoneId zone, BusinessCalendar calendar) {
        return switch (unit) {
            case "minutes" -> start.plus(n, ChronoUnit.MINUTES);
            case "hours" -> start.plus(n, ChronoUnit.HOURS);
            case "calendar_days" -> endOfDay(start.atZone(zone).toLocalDate().plusDays(n), zone);
            case "business_days", "working_days" ->
                endOfDay(calendar.plusBusinessDays(start.atZone(zone).toLocalDate(), n), zone);
            default -> throw new IllegalArgumentException("deadline unit " + unit);
        };
    }

    static Instant endOfDay(LocalDate day, ZoneId zone) {
        return ZonedDateTime.of(day, END_OF_DAY, zone).toInstant();
    }

    static String unitText(String unit, int n) {
        String one = switch (unit) {
            case "minutes" -> "minute";
            case "hours" -> "hour";
            case "calendar_days" -> "calendar day";
            case "business_days" -> "business day";
            case "working_days" -> "working day";
            default -> unit;
        };
        return n == 1 ? one : one + "s";
    }

    static String qualifierText(String q) {
        return q == null ? null : q.replace('_', ' ');
    }
}
