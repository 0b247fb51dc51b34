package org.herald.announcement;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MediaTaskRepository implements PanacheRepositoryBase<MediaTask, UUID> {

    public List<MediaTask> of(UUID incidentId) {
        return list("incidentId", Sort.by("regimeId").and("jurisdiction").and("taskKey"), incidentId);
    }
}
