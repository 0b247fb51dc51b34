package org.herald.channel.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Segment counts at every edge that decides what an SMS costs and how it arrives. */
class SmsSegmentCounterTest {

    private static String times(String s, int n) {
        return s.repeat(n);
    }

    static Stream<Arguments> edges() {
        return Stream.of(
                Arguments.of("empty text still takes one segment", "", SmsEncoding.GSM_7, 0, 1),
                Arguments.of("160 GSM characters fit one segment", times("a", 160), SmsEncoding.GSM_7, 160, 1),
                Arguments.of("161 GSM characters need two", times("a", 161), SmsEncoding.GSM_7, 161, 2),
                Arguments.of("306 GSM characters fill two parts of 153", times("a", 306), SmsEncoding.GSM_7, 306, 2),
                Arguments.of("307 GSM characters need three", times("a", 307), SmsEncoding.GSM_7, 307, 3),
                Arguments.of("accented letters outside the GSM table (ú, ã) make it UCS-2", "Grüße, Émile: Ñandú à São", SmsEncoding.UCS_2, 25, 1),
                Arguments.of("GSM basic letters with umlauts", "Ärger über Öl ist schön", SmsEncoding.GSM_7, 23, 1),
                Arguments.of("the euro sign takes two septets", "€", SmsEncoding.GSM_7, 2, 1),
                Arguments.of("158 + { is exactly 160 septets", times("a", 158) + "{", SmsEncoding.GSM_7, 160, 1),
                Arguments.of("159 + € is 161 septets", times("a", 159) + "€", SmsEncoding.GSM_7, 161, 2),
                Arguments.of("every extension character counts two", "^{}\\[~]|€\f", SmsEncoding.GSM_7, 20, 1),
                Arguments.of("an escaped character never straddles two parts", times("a", 152) + "€" + times("a", 152),
                        SmsEncoding.GSM_7, 306, 3),
                Arguments.of("line breaks are GSM", "line one\nline two\r\n", SmsEncoding.GSM_7, 19, 1),
                Arguments.of("70 UCS-2 characters fit one segment", times("ж", 70), SmsEncoding.UCS_2, 70, 1),
                Arguments.of("71 UCS-2 characters need two", times("ж", 71), SmsEncoding.UCS_2, 71, 2),
                Arguments.of("134 UCS-2 characters fill two parts of 67", times("ж", 134), SmsEncoding.UCS_2, 134, 2),
                Arguments.of("135 UCS-2 characters need three", times("ж", 135), SmsEncoding.UCS_2, 135, 3),
                Arguments.of("one non-GSM character turns the whole text into UCS-2", times("a", 70) + "ж",
                        SmsEncoding.UCS_2, 71, 2),
                Arguments.of("Chinese text is UCS-2", "您的个人信息可能已泄露", SmsEncoding.UCS_2, 11, 1),
                Arguments.of("an emoji is a surrogate pair: two code units", "😀", SmsEncoding.UCS_2, 2, 1),
                Arguments.of("69 + an emoji is 71 code units", times("a", 69) + "😀", SmsEncoding.UCS_2, 71, 2),
                Arguments.of("a surrogate pair never straddles two parts", times("a", 66) + "😀" + times("a", 66),
                        SmsEncoding.UCS_2, 134, 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edges")
    void countsLikeTheNetwork(String why, String text, SmsEncoding encoding, int units, int segments) {
        SmsSegments counted = SmsSegmentCounter.count(text);

        assertEquals(encoding, counted.encoding(), why);
        assertEquals(units, counted.units(), why);
        assertEquals(segments, counted.segments(), why);
    }

    @Test
    void moreThanTwoSegmentsIsFlagged() {
        assertFalse(SmsSegmentCounter.count(times("a", 306)).exceedsWarningThreshold());
        assertTrue(SmsSegmentCounter.count(times("a", 307)).exceedsWarningThreshold());
        assertFalse(SmsSegmentCounter.count(times("ж", 134)).exceedsWarningThreshold());
        assertTrue(SmsSegmentCounter.count(times("ж", 135)).exceedsWarningThreshold());
    }

    @Test
    void partSizesFollowTheEncoding() {
        assertEquals(160, SmsSegmentCounter.count("short").unitsPerSegment());
        assertEquals(153, SmsSegmentCounter.count(times("a", 200)).unitsPerSegment());
        assertEquals(70, SmsSegmentCounter.count("短").unitsPerSegment());
        assertEquals(67, SmsSegmentCounter.count(times("短", 80)).unitsPerSegment());
    }
}
