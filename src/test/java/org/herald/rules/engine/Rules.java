package org.herald.rules.engine;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The shipped rule catalog, loaded once for all rule tests, and compact views of what it finds. */
final class Rules {

    static final RuleCatalog CATALOG = new RuleCatalog(Optional.empty());

    private Rules() {
    }

    static Evaluation evaluate(Facts facts) {
        return CATALOG.evaluator().evaluate(facts.build());
    }

    /** One line per obligation of the regime: "KIND RECIPIENT JURISDICTION phase due". */
    static List<String> obligations(String regimeId, Facts facts) {
        return evaluate(facts).obligations().stream().filter(d -> d.regimeId().equals(regimeId))
                .map(Rules::line).sorted().collect(Collectors.toList());
    }

    static String line(ObligationDraft d) {
        return d.kind() + " " + d.recipient() + " " + d.jurisdiction() + " " + d.phase() + " "
                + (d.dueAt() == null ? "no-fixed-time" : d.dueAt().toString());
    }

    static ObligationDraft only(String regimeId, String kind, Facts facts) {
        List<ObligationDraft> found = evaluate(facts).obligations().stream()
                .filter(d -> d.regimeId().equals(regimeId) && d.kind().name().equals(kind)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + " of " + regimeId + ", found " + found);
        }
        return found.get(0);
    }

    static ObligationDraft only(String regimeId, String kind, String recipient, String phase, Facts facts) {
        return evaluate(facts).obligations().stream().filter(d -> d.regimeId().equals(regimeId)
                && d.kind().name().equals(kind) && d.recipient().equals(recipient) && d.phase().equals(phase))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " to " + recipient + " (" + phase + ")"));
    }

    static Evaluation.RegimeOutcome outcome(String regimeId, Facts facts) {
        return evaluate(facts).regimes().stream().filter(r -> r.regimeId().equals(regimeId)).findFirst()
                .orElseThrow(() -> new AssertionError("no regime " + regimeId));
    }
}
