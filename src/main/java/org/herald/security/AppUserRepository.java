package org.herald.security;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AppUserRepository implements PanacheRepositoryBase<AppUser, UUID> {

    public Optional<AppUser> byUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public List<AppUser> allByUsername() {
        return listAll(Sort.by("username"));
    }
}
