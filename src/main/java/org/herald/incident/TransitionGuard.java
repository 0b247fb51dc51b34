package org.herald.incident;

import java.util.List;
import org.herald.shared.problem.Problem;

/**
 * A condition a later feature puts on a lifecycle move, without the incident feature knowing that
 * feature: obligations refuse CLOSED while one is open, campaigns refuse NOTIFYING until one is
 * approved. Every {@code TransitionGuard} bean is asked on every move; all refusals are reported
 * together.
 */
public interface TransitionGuard {

    /**
     * The unmet conditions for moving {@code incident} (still in its current status) to {@code to};
     * empty when this guard has nothing against it. Each refusal names the field or thing that is
     * missing (e.g. {@code obligations[3]}) and says what is needed, in a sentence for the console.
     */
    List<Problem.FieldError> refusals(Incident incident, IncidentStatus to);
}
