package org.herald.regulator.filing;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class RegulatorFilingRepository implements PanacheRepositoryBase<RegulatorFiling, UUID> {

    /** The incident's filings, oldest first. */
    public List<RegulatorFiling> forIncident(UUID incidentId) {
        return list("incidentId", Sort.by("filedAt").and("authority").and("version"), incidentId);
    }

    public Optional<RegulatorFiling> latest(UUID incidentId, String authority) {
        return find("incidentId = ?1 and authority = ?2", Sort.by("version").descending(), incidentId, authority)
                .firstResultOptional();
    }
}
