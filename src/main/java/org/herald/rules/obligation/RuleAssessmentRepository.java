package org.herald.rules.obligation;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class RuleAssessmentRepository implements PanacheRepositoryBase<RuleAssessment, UUID> {

    Optional<RuleAssessment> latest(UUID incidentId) {
        return find("incidentId = ?1 order by runNo desc", incidentId).firstResultOptional();
    }

    List<RuleAssessment> ofIncident(UUID incidentId) {
        return list("incidentId = ?1 order by runNo", incidentId);
    }
}
