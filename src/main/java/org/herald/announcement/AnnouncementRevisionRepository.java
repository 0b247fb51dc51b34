package org.herald.announcement;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AnnouncementRevisionRepository implements PanacheRepositoryBase<AnnouncementRevision, AnnouncementRevision.Key> {

    /** Newest first. */
    public List<AnnouncementRevision> of(UUID announcementId) {
        return list("key.announcementId", Sort.by("key.revision").descending(), announcementId);
    }
}
