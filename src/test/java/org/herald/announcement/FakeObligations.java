package org.herald.announcement;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.herald.rules.IndividualNoticeTerms;
import org.herald.rules.ObligationView;
import org.herald.rules.Obligations;
import org.herald.rules.SubstituteNoticeTerms;

/** Stands in for the rules engine in tests: each incident gets the terms and obligations a test gives it. */
final class FakeObligations implements Obligations {

    final Map<UUID, List<SubstituteNoticeTerms>> terms = new ConcurrentHashMap<>();
    final Map<UUID, List<ObligationView>> obligations = new ConcurrentHashMap<>();

    @Override
    public List<ObligationView> forIncident(UUID incidentId) {
        return obligations.getOrDefault(incidentId, List.of());
    }

    @Override
    public List<IndividualNoticeTerms> openIndividualNoticeTerms(UUID incidentId) {
        return List.of();
    }

    @Override
    public List<SubstituteNoticeTerms> substituteNoticeTerms(UUID incidentId) {
        return terms.getOrDefault(incidentId, List.of());
    }
}
