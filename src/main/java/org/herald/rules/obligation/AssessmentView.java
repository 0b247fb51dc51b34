package org.herald.rules.obligation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.herald.rules.ObligationView;
import org.herald.rules.engine.Evaluation;
import org.herald.rules.engine.Judgement;

/**
 * The answer to an assessment: which run it was, what each regime concluded, the obligations as
 * they now stand, and how many were created, updated, left unchanged or withdrawn.
 */
public record AssessmentView(UUID assessmentId, UUID incidentId, int runNo, Instant assessedAt, String assessedBy,
        Judgement judgement, int created, int updated, int unchanged, int withdrawn,
        List<Evaluation.RegimeOutcome> regimes, List<ObligationView> obligations) {
}
