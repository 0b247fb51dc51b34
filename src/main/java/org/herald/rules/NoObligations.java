package org.herald.rules;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Stands in until the rules engine provides {@link Obligations}: no incident has any. */
@DefaultBean
@ApplicationScoped
public class NoObligations implements Obligations {

    @Override
    public List<ObligationView> forIncident(UUID incidentId) {
        return List.of();
    }

    @Override
    public List<IndividualNoticeTerms> openIndividualNoticeTerms(UUID incidentId) {
        return List.of();
    }

    @Override
    public List<SubstituteNoticeTerms> substituteNoticeTerms(UUID incidentId) {
        return List.of();
    }
}
