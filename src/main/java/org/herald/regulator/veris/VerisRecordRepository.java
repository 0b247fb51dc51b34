package org.herald.regulator.veris;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class VerisRecordRepository implements PanacheRepositoryBase<VerisRecord, UUID> {
}
