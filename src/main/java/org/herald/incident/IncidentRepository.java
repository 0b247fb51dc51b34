package org.herald.incident;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class IncidentRepository implements PanacheRepositoryBase<Incident, UUID> {

    /** What the incident list can be narrowed by; empty sets and {@code null}s do not narrow. */
    public record Filter(Set<IncidentStatus> statuses, Set<Severity> severities, String text, Instant from, Instant to) {
    }

    /** Reads an incident and locks its row until the transaction ends, so concurrent edits queue up. */
    public Optional<Incident> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A page of incidents, newest first. The date filter uses the detection time, or the creation time before there is one. */
    public PageOf search(Filter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            where.add("status in :statuses");
            params.and("statuses", filter.statuses());
        }
        if (filter.severities() != null && !filter.severities().isEmpty()) {
            where.add("severity in :severities");
            params.and("severities", filter.severities());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.add("(lower(title) like :text escape '!' or lower(reference) like :text escape '!')");
            params.and("text", "%" + likeEscaped(filter.text().strip().toLowerCase()) + "%");
        }
        if (filter.from() != null) {
            where.add("coalesce(detectedAt, createdAt) >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("coalesce(detectedAt, createdAt) < :to");
            params.and("to", filter.to());
        }
        Sort sort = Sort.by("createdAt").descending().and("reference").descending();
        PanacheQuery<Incident> query = where.isEmpty() ? findAll(sort)
                : find(String.join(" and ", where), sort, params);
        return new PageOf(query.page(Page.of(page, size)).list(), query.count());
    }

    /** One page of results and the number of all matches. */
    public record PageOf(List<Incident> items, long total) {
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
