package org.herald.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped US federal and Brazil calendars, and business-day arithmetic across weekends and holidays. */
class BusinessCalendarTest {

    static final BusinessCalendar US = Rules.CATALOG.calendars().get("US");
    static final BusinessCalendar BR = Rules.CATALOG.calendars().get("BR");

    static Stream<Arguments> usHolidays() {
        return Stream.of(
                Arguments.of("2026-01-01", "New Year's Day"),
                Arguments.of("2026-01-19", "MLK Day, third Monday of January"),
                Arguments.of("2026-02-16", "Washington's Birthday"),
                Arguments.of("2026-05-25", "Memorial Day, last Monday of May"),
                Arguments.of("2026-06-19", "Juneteenth"),
                Arguments.of("2026-07-03", "Independence Day 2026 falls on a Saturday: observed Friday 3 July"),
                Arguments.of("2026-09-07", "Labor Day"),
                Arguments.of("2026-10-12", "Columbus Day"),
                Arguments.of("2026-11-11", "Veterans Day"),
                Arguments.of("2026-11-26", "Thanksgiving, fourth Thursday"),
                Arguments.of("2026-12-25", "Christmas"),
                Arguments.of("2027-12-24", "Christmas 2027 falls on a Saturday: observed Friday 24 December"),
                Arguments.of("2021-12-31", "New Year 2022 falls on a Saturday: observed Friday 31 December 2021"),
                Arguments.of("2028-12-25", "Christmas 2028 is a Monday"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("usHolidays")
    void usFederalHolidays(String date, String what) {
        assertTrue(US.isHoliday(LocalDate.parse(date)), what);
        assertFalse(US.isBusinessDay(LocalDate.parse(date)), what);
    }

    @Test
    void juneteenthIsAHolidayOnlyFrom2021() {
        assertFalse(US.isHoliday(LocalDate.parse("2020-06-19")));
        assertTrue(US.isHoliday(LocalDate.parse("2021-06-18")), "2021-06-19 was a Saturday: observed on Friday");
    }

    static Stream<Arguments> brazilHolidays() {
        return Stream.of(
                Arguments.of("2026-04-03", "Good Friday 2026 (Easter is 5 April)"),
                Arguments.of("2026-04-21", "Tiradentes"),
                Arguments.of("2026-09-07", "Independence"),
                Arguments.of("2026-10-12", "Nossa Senhora Aparecida"),
                Arguments.of("2026-11-02", "Finados"),
                Arguments.of("2026-11-20", "Consciência Negra (national since 2024)"),
                Arguments.of("2027-03-26", "Good Friday 2027 (Easter is 28 March)"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("brazilHolidays")
    void brazilNationalHolidays(String date, String what) {
        assertTrue(BR.isHoliday(LocalDate.parse(date)), what);
    }

    @Test
    void brazilDoesNotShiftHolidaysAndCarnivalIsNotNational() {
        assertFalse(BR.isHoliday(LocalDate.parse("2026-02-17")), "Carnival Tuesday is an optional point");
        assertFalse(BR.isHoliday(LocalDate.parse("2023-11-20")), "before the 2023 law");
    }

    static Stream<Arguments> businessDays() {
        return Stream.of(
                Arguments.of("US", "2026-03-05", 4, "2026-03-11", "Thursday + 4 skips the weekend"),
                Arguments.of("US", "2026-07-01", 4, "2026-07-08", "Wednesday + 4 skips the observed 3 July and the weekend"),
                Arguments.of("US", "2026-11-25", 4, "2026-12-02", "the day before Thanksgiving + 4"),
                Arguments.of("US", "2026-03-07", 1, "2026-03-09", "a Saturday start counts from Monday"),
                Arguments.of("BR", "2026-04-02", 3, "2026-04-08", "Thursday before Good Friday + 3"),
                Arguments.of("BR", "2026-04-17", 3, "2026-04-23", "Friday + 3 skips the weekend and Tiradentes"),
                Arguments.of("BR", "2026-11-19", 3, "2026-11-25", "Thursday + 3 skips Consciência Negra and the weekend"),
                Arguments.of("BR", "2026-03-02", 20, "2026-03-30", "20 business days without a holiday"));
    }

    @ParameterizedTest(name = "{4}")
    @MethodSource("businessDays")
    void businessDayArithmetic(String calendar, String start, int n, String expected, String what) {
        BusinessCalendar c = calendar.equals("US") ? US : BR;
        assertEquals(LocalDate.parse(expected), c.plusBusinessDays(LocalDate.parse(start), n), what);
    }
}
