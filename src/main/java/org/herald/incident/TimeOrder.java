package org.herald.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.herald.shared.problem.Problem.FieldError;

/**
 * Checks that the recorded times tell a possible story, naming the later field of each pair that
 * contradicts:
 * <ul>
 * <li>{@code occurredFrom ≤ occurredTo} — an incident ends after it starts;</li>
 * <li>{@code occurredFrom ≤ detectedAt ≤ awareAt} — it is detected after it starts, and the
 * organisation becomes aware at or after detection;</li>
 * <li>{@code occurredFrom ≤ containedAt} and {@code occurredTo ≤ containedAt} — once contained, it
 * does not go on;</li>
 * <li>nothing lies in the future beyond a small clock skew.</li>
 * </ul>
 * {@code occurredTo} may lie after {@code detectedAt}: attackers often stay until they are shut out.
 * An imprecise time ({@code 2026-03}) stands for its whole interval, and a pair only contradicts
 * when no instant in the intervals fits.
 */
public final class TimeOrder {

    private TimeOrder() {
    }

    public static List<FieldError> check(PartialTime occurredFrom, PartialTime occurredTo, Instant detectedAt,
            Instant awareAt, Instant containedAt, Instant now, Duration skew) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Instant latestAllowed = now.plus(skew);
        future(errors, "occurredFrom", occurredFrom == null ? null : occurredFrom.start(), latestAllowed);
        future(errors, "occurredTo", occurredTo == null ? null : occurredTo.start(), latestAllowed);
        future(errors, "detectedAt", detectedAt, latestAllowed);
        future(errors, "awareAt", awareAt, latestAllowed);
        future(errors, "containedAt", containedAt, latestAllowed);

        if (occurredFrom != null && occurredTo != null && occurredTo.latest().isBefore(occurredFrom.start())) {
            add(errors, "occurredTo", "must not be before occurredFrom (" + occurredFrom + ")");
        }
        if (occurredFrom != null && detectedAt != null && detectedAt.isBefore(occurredFrom.start())) {
            add(errors, "detectedAt", "must not be before occurredFrom (" + occurredFrom + "): an incident is detected after it starts");
        }
        if (detectedAt != null && awareAt != null && awareAt.isBefore(detectedAt)) {
            add(errors, "awareAt", "must not be before detectedAt (" + detectedAt + "): awareness follows detection");
        } else if (detectedAt == null && occurredFrom != null && awareAt != null && awareAt.isBefore(occurredFrom.start())) {
            add(errors, "awareAt", "must not be before occurredFrom (" + occurredFrom + ")");
        }
        if (occurredFrom != null && containedAt != null && containedAt.isBefore(occurredFrom.start())) {
            add(errors, "containedAt", "must not be before occurredFrom (" + occurredFrom + ")");
        } else if (occurredTo != null && containedAt != null && containedAt.isBefore(occurredTo.start())) {
            add(errors, "containedAt", "must not be before occurredTo (" + occurredTo + "): once contained, an incident does not go on");
        }

        List<FieldError> result = new ArrayList<>();
        errors.forEach((field, messages) -> result.add(new FieldError(field, String.join("; ", messages))));
        return result;
    }

    private static void future(Map<String, List<String>> errors, String field, Instant at, Instant latestAllowed) {
        if (at != null && at.isAfter(latestAllowed)) {
            add(errors, field, "must not be in the future");
        }
    }

    private static void add(Map<String, List<String>> errors, String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }
}
