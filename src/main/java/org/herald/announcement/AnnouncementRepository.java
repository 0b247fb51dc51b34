package org.herald.announcement;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AnnouncementRepository implements PanacheRepositoryBase<Announcement, UUID> {

    public Optional<Announcement> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<Announcement> live(UUID incidentId) {
        return find("incidentId = ?1 and status <> ?2", incidentId, AnnouncementStatus.WITHDRAWN).firstResultOptional();
    }

    public List<Announcement> ofIncident(UUID incidentId) {
        return list("incidentId", Sort.by("proposedAt").descending(), incidentId);
    }

    public Optional<Announcement> bySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public List<Announcement> published() {
        return list("status", Sort.by("publishedAt").descending(), AnnouncementStatus.PUBLISHED);
    }

    public long slugsStartingWith(String prefix) {
        return count("slug like ?1", prefix + "%");
    }
}
