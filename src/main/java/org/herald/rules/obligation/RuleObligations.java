package org.herald.rules.obligation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.herald.rules.IndividualNoticeTerms;
import org.herald.rules.ObligationView;
import org.herald.rules.Obligations;
import org.herald.rules.SubstituteNoticeTerms;

/**
 * The rules engine's answer to {@link Obligations}: the obligations its assessments stored. Each call
 * joins the caller's transaction or opens its own, so scheduled jobs of other features can call it too.
 */
@ApplicationScoped
public class RuleObligations implements Obligations {

    private final ObligationViews views;
    private final Clock clock;

    RuleObligations(ObligationViews views, Clock clock) {
        this.views = views;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<ObligationView> forIncident(UUID incidentId) {
        return views.of(incidentId, clock.instant());
    }

    @Override
    @Transactional
    public List<IndividualNoticeTerms> openIndividualNoticeTerms(UUID incidentId) {
        return views.individualTerms(incidentId);
    }

    @Override
    @Transactional
    public List<SubstituteNoticeTerms> substituteNoticeTerms(UUID incidentId) {
        return views.substituteTerms(incidentId);
    }
}
