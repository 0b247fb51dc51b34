package org.herald.rules.engine;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which days are business days in one jurisdiction: not a weekend day and not a public holiday.
 * Holidays are rules (a fixed date, the n-th weekday of a month, an offset from Easter Sunday, or
 * one explicit date), so a calendar holds for every year without a list per year.
 */
public final class BusinessCalendar {

    private final String id;
    private final String name;
    private final Set<DayOfWeek> weekend;
    private final List<Holiday> holidays;
    private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

    public BusinessCalendar(String id, String name, Set<DayOfWeek> weekend, List<Holiday> holidays) {
        this.id = id;
        this.name = name;
        this.weekend = Set.copyOf(weekend);
        this.holidays = List.copyOf(holidays);
    }

    /** A calendar with weekends only, for a jurisdiction whose holidays Herald does not ship. */
    public static BusinessCalendar weekendsOnly(String id) {
        return new BusinessCalendar(id, "weekends only", Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), List.of());
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public boolean isBusinessDay(LocalDate date) {
        return !weekend.contains(date.getDayOfWeek()) && !isHoliday(date);
    }

    public boolean isHoliday(LocalDate date) {
        return byYear.computeIfAbsent(date.getYear(), this::holidaysOf).contains(date);
    }

    /** The {@code n}-th business day after {@code start} (the start day itself never counts). */
    public LocalDate plusBusinessDays(LocalDate start, int n) {
        LocalDate d = start;
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (isBusinessDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** The holidays that fall in {@code year}, observed-day shifts included (which may cross years). */
    public Set<LocalDate> holidaysOf(int year) {
        Set<LocalDate> out = new TreeSet<>();
        for (int y = year - 1; y <= year + 1; y++) {
            for (Holiday h : holidays) {
                LocalDate d = h.in(y);
                if (d != null && d.getYear() == year) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    /**
     * One holiday rule. Exactly one of: {@code monthDay} (with optional {@code observed} shift
     * {@code nearest_weekday}: Saturday → Friday, Sunday → Monday; or {@code next_monday}), the
     * {@code nth} {@code weekday} of {@code month} ({@code nth = -1}: the last), an
     * {@code easterOffset} in days from Western Easter Sunday, or one {@code date}. {@code fromYear}
     * and {@code toYear} bound the years the rule holds (Juneteenth from 2021).
     */
    public record Holiday(String name, MonthDay monthDay, String observed, Integer month, DayOfWeek weekday,
            Integer nth, Integer easterOffset, LocalDate date, Integer fromYear, Integer toYear) {

        LocalDate in(int year) {
            if ((fromYear != null && year < fromYear) || (toYear != null && year > toYear)) {
                return null;
            }
            if (date != null) {
                return date.getYear() == year ? date : null;
            }
            if (monthDay != null) {
                LocalDate d = monthDay.atYear(year);
                if ("nearest_weekday".equals(observed)) {
                    if (d.getDayOfWeek() == DayOfWeek.SATURDAY) {
                        return d.minusDays(1);
                    }
                    if (d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                        return d.plusDays(1);
                    }
                } else if ("next_monday".equals(observed)) {
                    if (d.getDayOfWeek() == DayOfWeek.SATURDAY) {
                        return d.plusDays(2);
                    }
                    if (d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                        return d.plusDays(1);
                    }
                }
                return d;
            }
            if (easterOffset != null) {
                return easterSunday(year).plusDays(easterOffset);
            }
            LocalDate first = LocalDate.of(year, month, 1);
            if (nth < 0) {
                return first.with(TemporalAdjusters.lastInMonth(weekday));
            }
            return first.with(TemporalAdjusters.dayOfWeekInMonth(nth, weekday));
        }
    }

    /** Western Easter Sunday (anonymous Gregorian algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
