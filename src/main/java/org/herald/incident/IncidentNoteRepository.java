package org.herald.incident;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class IncidentNoteRepository implements PanacheRepositoryBase<IncidentNote, UUID> {

    public List<IncidentNote> forIncident(UUID incidentId) {
        return list("incidentId", Sort.by("occurredAt").and("recordedAt"), incidentId);
    }
}
