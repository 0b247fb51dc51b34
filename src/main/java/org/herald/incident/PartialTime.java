package org.herald.incident;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A time known exactly or only to the day, month or year, written as {@code 2026}, {@code 2026-03},
 * {@code 2026-03-14} or {@code 2026-03-14T09:30:00Z}. Days, months and years are UTC. It stands for
 * the interval [{@link #start()}, {@link #end()}).
 */
public record PartialTime(Instant start, TimePrecision precision) {

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** What {@link #parse} accepts, for error messages. */
    public static final String FORMATS =
            "a year (2026), a month (2026-03), a day (2026-03-14) or a time with offset (2026-03-14T09:30:00Z)";

    public PartialTime {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(precision, "precision");
    }

    public static PartialTime exact(Instant at) {
        return new PartialTime(at, TimePrecision.EXACT);
    }

    /** Reads one of the accepted forms; throws {@link IllegalArgumentException} naming them otherwise. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PartialTime parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        try {
            if (YEAR.matcher(t).matches()) {
                return new PartialTime(Year.parse(t).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC), TimePrecision.YEAR);
            }
            if (MONTH.matcher(t).matches()) {
                return new PartialTime(YearMonth.parse(t).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                        TimePrecision.MONTH);
            }
            if (DAY.matcher(t).matches()) {
                return new PartialTime(LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC), TimePrecision.DAY);
            }
            return exact(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected " + FORMATS);
        }
    }

    /** The first instant after the interval this time stands for. */
    public Instant end() {
        var utc = start.atOffset(ZoneOffset.UTC);
        return switch (precision) {
            case EXACT -> start;
            case DAY -> utc.plusDays(1).toInstant();
            case MONTH -> utc.plusMonths(1).toInstant();
            case YEAR -> utc.plusYears(1).toInstant();
        };
    }

    /** The latest instant this time may stand for. */
    public Instant latest() {
        return precision == TimePrecision.EXACT ? start : end().minusNanos(1000);
    }

    @JsonValue
    @Override
    public String toString() {
        var utc = start.atOffset(ZoneOffset.UTC);
        return switch (precision) {
            case EXACT -> start.toString();
            case DAY -> utc.toLocalDate().toString();
            case MONTH -> YearMonth.from(utc).toString();
            case YEAR -> String.valueOf(utc.getYear());
        };
    }
}
