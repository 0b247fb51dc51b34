package org.herald.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.herald.audit.AuditLog;
import org.herald.shared.problem.ProblemException;

/** Creates and changes users; every change is audited without the password. */
@ApplicationScoped
public class UserService {

    private final AppUserRepository users;
    private final AuditLog audit;
    private final Clock clock;

    UserService(AppUserRepository users, AuditLog audit, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public List<AppUser> list() {
        return users.allByUsername();
    }

    @Transactional
    public AppUser create(String username, String displayName, String password, Set<Role> roles) {
        if (users.byUsername(username).isPresent()) {
            throw new ProblemException(409, "username-taken", "Username taken",
                    "username: '" + username + "' is already in use",
                    List.of(new org.herald.shared.problem.Problem.FieldError("username", "is already in use")));
        }
        AppUser user = new AppUser(username, displayName, password, roles, clock.instant());
        users.persist(user);
        audit.record("user", user.id(), "created", Map.of("username", username, "roles", sorted(roles)));
        return user;
    }

    /** Applies the non-null parts of a change. */
    @Transactional
    public AppUser change(UUID id, String displayName, String password, Set<Role> roles, Boolean enabled) {
        AppUser user = users.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("User", id));
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        if (displayName != null && !displayName.equals(user.displayName())) {
            before.put("displayName", user.displayName());
            user.rename(displayName, clock.instant());
            after.put("displayName", displayName);
        }
        if (roles != null && !roles.equals(user.roles())) {
            before.put("roles", sorted(user.roles()));
            user.assignRoles(roles, clock.instant());
            after.put("roles", sorted(roles));
        }
        if (enabled != null && enabled != user.enabled()) {
            before.put("enabled", user.enabled());
            if (enabled) {
                user.enable(clock.instant());
            } else {
                user.disable(clock.instant());
            }
            after.put("enabled", enabled);
        }
        if (password != null) {
            user.changePassword(password, clock.instant());
            after.put("password", "changed");
        }
        if (!after.isEmpty()) {
            audit.record("user", user.id(), "changed", Map.of("before", before, "after", after));
        }
        return user;
    }

    private static List<String> sorted(Set<Role> roles) {
        return EnumSet.copyOf(roles).stream().map(Role::name).toList();
    }
}
