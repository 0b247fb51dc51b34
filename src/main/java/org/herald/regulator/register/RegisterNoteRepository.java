package org.herald.regulator.register;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class RegisterNoteRepository implements PanacheRepositoryBase<RegisterNote, UUID> {
}
