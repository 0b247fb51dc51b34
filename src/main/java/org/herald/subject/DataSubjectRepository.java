package org.herald.subject;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DataSubjectRepository implements PanacheRepositoryBase<DataSubject, UUID> {

    private static final String BY_CONTACT = "id in (select c.subjectId from ContactPoint c "
            + "where c.kind = ?1 and c.valueIndex = ?2)";

    /** Subjects with a contact point (their own, or a guardian's or next of kin's) of this blind index. */
    public List<DataSubject> byContact(ContactKind kind, byte[] blindIndex, int page, int size) {
        return find(BY_CONTACT + " order by sourceSystem, externalRef", kind, blindIndex).page(Page.of(page, size)).list();
    }

    public long countByContact(ContactKind kind, byte[] blindIndex) {
        return count(BY_CONTACT, kind, blindIndex);
    }
}
