package org.herald.subject.imports;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SubjectImportRepository implements PanacheRepositoryBase<SubjectImport, UUID> {

    public List<SubjectImport> latest(int page, int size) {
        return findAll(Sort.by("createdAt").descending()).page(Page.of(page, size)).list();
    }

    /** Unfinished imports whose replica has not said it is alive since {@code before}. */
    public List<SubjectImport> silentSince(Instant before) {
        return list("status in ?1 and heartbeatAt < ?2", List.of(ImportStatus.QUEUED, ImportStatus.RUNNING), before);
    }

    public void heartbeat(Collection<UUID> ids, Instant now) {
        if (!ids.isEmpty()) {
            update("heartbeatAt = ?1 where id in ?2 and status in ?3", now, ids,
                    List.of(ImportStatus.QUEUED, ImportStatus.RUNNING));
        }
    }
}
