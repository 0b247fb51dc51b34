package org.herald.notice;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class NoticeCampaignRepository implements PanacheRepositoryBase<NoticeCampaign, UUID> {

    Optional<NoticeCampaign> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    List<NoticeCampaign> forIncident(UUID incidentId) {
        return list("incidentId = ?1 order by plannedAt desc", incidentId);
    }
}
