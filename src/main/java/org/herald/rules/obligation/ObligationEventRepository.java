package org.herald.rules.obligation;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ObligationEventRepository implements PanacheRepositoryBase<ObligationEvent, Long> {

    List<ObligationEvent> of(UUID obligationId) {
        return list("obligationId = ?1 order by id", obligationId);
    }
}
