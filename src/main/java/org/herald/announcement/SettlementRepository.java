package org.herald.announcement;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SettlementRepository implements PanacheRepositoryBase<Settlement, Settlement.Key> {

    public List<Settlement> of(UUID announcementId) {
        return list("key.announcementId", announcementId);
    }
}
