package org.herald.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.herald.shared.problem.Problem.FieldError;
import org.junit.jupiter.api.Test;

/** The order of an incident's times, and imprecise times. */
class TimeOrderTest {

    private static final Instant NOW = Instant.parse("2025-04-01T12:00:00Z");
    private static final Duration SKEW = Duration.ofMinutes(5);

    private static Instant at(String s) {
        return Instant.parse(s);
    }

    private static List<FieldError> check(String from, String to, String detected, String aware, String contained) {
        return TimeOrder.check(from == null ? null : PartialTime.parse(from), to == null ? null : PartialTime.parse(to),
                detected == null ? null : at(detected), aware == null ? null : at(aware),
                contained == null ? null : at(contained), NOW, SKEW);
    }

    @Test
    void aPlausibleStoryPasses() {
        assertThat(check("2025-03", "2025-03-20", "2025-03-18T10:00:00Z", "2025-03-18T10:00:00Z",
                "2025-03-20T18:00:00Z")).isEmpty();
    }

    @Test
    void nothingKnownIsNothingWrong() {
        assertThat(check(null, null, null, null, null)).isEmpty();
    }

    @Test
    void awarenessBeforeDetectionBlamesAwareAt() {
        assertThat(check(null, null, "2025-03-18T10:00:00Z", "2025-03-18T09:59:59Z", null))
                .extracting(FieldError::field).containsExactly("awareAt");
    }

    @Test
    void anEndBeforeTheStartBlamesOccurredTo() {
        assertThat(check("2025-03-10", "2025-03-09", null, null, null))
                .extracting(FieldError::field).containsExactly("occurredTo");
        assertThat(check("2025-03-10", "2025-03", null, null, null)).isEmpty();
        assertThat(check("2025-03-10T10:00:00Z", "2025-03-10", null, null, null)).isEmpty();
    }

    @Test
    void detectionBeforeTheStartBlamesDetectedAt() {
        assertThat(check("2025-03", null, "2025-02-28T23:59:59Z", null, null))
                .extracting(FieldError::field).containsExactly("detectedAt");
        assertThat(check("2025", null, "2025-01-01T00:00:00Z", null, null)).isEmpty();
    }

    @Test
    void anIncidentMayOutlastItsDetectionButNotItsContainment() {
        assertThat(check("2025-03-01", "2025-03-10", "2025-03-05T00:00:00Z", null, "2025-03-10T12:00:00Z")).isEmpty();
        assertThat(check("2025-03-01", "2025-03-10", null, null, "2025-03-09T12:00:00Z"))
                .extracting(FieldError::field).containsExactly("containedAt");
    }

    @Test
    void containmentMayComeBeforeDetection() {
        assertThat(check("2025-03-01", null, "2025-03-05T00:00:00Z", null, "2025-03-02T00:00:00Z")).isEmpty();
    }

    @Test
    void theFutureIsRefusedBeyondTheClockSkew() {
        assertThat(check(null, null, "2025-04-01T12:04:00Z", null, null)).isEmpty();
        assertThat(check(null, null, "2025-04-01T12:06:00Z", null, null))
                .extracting(FieldError::message).containsExactly("must not be in the future");
        assertThat(check("2025-04", null, null, null, null)).isEmpty();
        assertThat(check("2025-05", null, null, null, null)).extracting(FieldError::field).containsExactly("occurredFrom");
    }

    @Test
    void oneFieldWithTwoProblemsGetsOneEntry() {
        List<FieldError> errors = check(null, null, "2099-02-01T00:00:00Z", "2099-01-01T00:00:00Z", null);
        assertThat(errors).extracting(FieldError::field).containsExactly("detectedAt", "awareAt");
        assertThat(errors.get(1).message()).contains("future").contains("before detectedAt");
    }

    @Test
    void partialTimesKeepTheirPrecision() {
        assertThat(PartialTime.parse("2025")).isEqualTo(new PartialTime(at("2025-01-01T00:00:00Z"), TimePrecision.YEAR));
        assertThat(PartialTime.parse("2025-03").end()).isEqualTo(at("2025-04-01T00:00:00Z"));
        assertThat(PartialTime.parse("2025-03-14").precision()).isEqualTo(TimePrecision.DAY);
        assertThat(PartialTime.parse("2025-03-14T09:30:00+08:00"))
                .isEqualTo(PartialTime.exact(at("2025-03-14T01:30:00Z")));
        assertThat(PartialTime.parse("2025-03").toString()).isEqualTo("2025-03");
        assertThat(PartialTime.parse("2025-03-14T01:30:00Z").toString()).isEqualTo("2025-03-14T01:30:00Z");
    }

    @Test
    void unreadableTimesSayWhatIsAccepted() {
        assertThatThrownBy(() -> PartialTime.parse("14/03/2025")).hasMessageContaining("2026-03-14");
        assertThatThrownBy(() -> PartialTime.parse("2025-02-30")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PartialTime.parse("2025-03-14T09:30")).isInstanceOf(IllegalArgumentException.class);
    }
}
