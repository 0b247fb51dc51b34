package org.herald.rules.obligation;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ObligationRepository implements PanacheRepositoryBase<Obligation, UUID> {

    List<Obligation> ofIncident(UUID incidentId) {
        return list("incidentId", incidentId);
    }

    Optional<Obligation> forUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Open obligations with a due time before {@code until}, for the alert job. */
    List<Obligation> openDueBefore(java.time.Instant until) {
        return list("status = ?1 and dueAt is not null and dueAt <= ?2 order by dueAt",
                org.herald.rules.ObligationStatus.OPEN, until);
    }
}
