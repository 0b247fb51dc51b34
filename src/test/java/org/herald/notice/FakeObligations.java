package org.herald.notice;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.herald.rules.IndividualNoticeTerms;
import org.herald.rules.ObligationView;
import org.herald.rules.Obligations;
import org.herald.rules.SubstituteNoticeTerms;

/** Obligations a test sets per incident, standing in for the rules engine (installed with {@code Fakes.install}). */
public class FakeObligations implements Obligations {

    private final Map<UUID, List<IndividualNoticeTerms>> terms = new ConcurrentHashMap<>();

    void set(UUID incidentId, List<IndividualNoticeTerms> individual) {
        terms.put(incidentId, List.copyOf(individual));
    }

    @Override
    public List<ObligationView> forIncident(UUID incidentId) {
        return List.of();
    }

    @Override
    public List<IndividualNoticeTerms> openIndividualNoticeTerms(UUID incidentId) {
        return terms.getOrDefault(incidentId, List.of());
    }

    @Override
    public List<SubstituteNoticeTerms> substituteNoticeTerms(UUID incidentId) {
        return List.of();
    }
}
