package org.herald.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A person who signs in to Herald's console or API in the embedded default. */
@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    private UUID id;
    @Column(nullable = false, unique = true)
    private String username;
    @Column(name = "display_name", nullable = false)
    private String displayName;
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;
    @Column(nullable = false)
    private String roles;
    @Column(nullable = false)
    private boolean enabled;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected AppUser() {
    }

    public AppUser(String username, String displayName, String password, Set<Role> roles, Instant now) {
        this.id = UUID.randomUUID();
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = hash(password);
        this.roles = join(roles);
        this.enabled = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Cost 12: about a quarter of a second per sign-in on a small machine, slow for brute force. */
    private static String hash(String password) {
        return BcryptUtil.bcryptHash(password, 12);
    }

    public boolean passwordMatches(String candidate) {
        return BcryptUtil.matches(candidate, passwordHash);
    }

    public void changePassword(String password, Instant now) {
        this.passwordHash = hash(password);
        this.updatedAt = now;
    }

    public void assignRoles(Set<Role> roles, Instant now) {
        this.roles = join(roles);
        this.updatedAt = now;
    }

    public void rename(String displayName, Instant now) {
        this.displayName = displayName;
        this.updatedAt = now;
    }

    public void disable(Instant now) {
        this.enabled = false;
        this.updatedAt = now;
    }

    public void enable(Instant now) {
        this.enabled = true;
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public Set<Role> roles() {
        if (roles.isBlank()) {
            return EnumSet.noneOf(Role.class);
        }
        return Arrays.stream(roles.split(",")).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }

    private static String join(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }

    @Override
    public String toString() {
        return "AppUser[" + id + "]";
    }
}
