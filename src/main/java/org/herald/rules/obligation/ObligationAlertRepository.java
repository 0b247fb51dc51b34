package org.herald.rules.obligation;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ObligationAlertRepository implements PanacheRepositoryBase<ObligationAlert, Long> {

    boolean exists(UUID obligationId, String lead, Instant dueAt) {
        return count("obligationId = ?1 and lead = ?2 and dueAt = ?3", obligationId, lead, dueAt) > 0;
    }

    List<ObligationAlert> ofIncident(UUID incidentId) {
        return list("incidentId = ?1 order by alertedAt desc", incidentId);
    }
}
