package org.herald.audit;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads the audit log; appending goes through {@link AuditLog} only. */
@ApplicationScoped
public class AuditEntryRepository implements PanacheRepositoryBase<AuditEntry, Long> {

    public List<AuditEntry> forEntity(String entityType, String entityId) {
        return list("entityType = ?1 and entityId = ?2", Sort.by("seq"), entityType, entityId);
    }

    public List<AuditEntry> pageFrom(long afterSeq, int size) {
        return find("seq > ?1", Sort.by("seq"), afterSeq).page(Page.ofSize(size)).list();
    }

    public List<AuditEntry> latest(int page, int size) {
        return findAll(Sort.by("seq").descending()).page(Page.of(page, size)).list();
    }
}
