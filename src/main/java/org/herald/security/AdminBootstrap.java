package org.herald.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.herald.audit.AuditLog;
import org.jboss.logging.Logger;

/**
 * On the first start with no users, creates {@code admin} so that someone can sign in: with
 * {@code HERALD_ADMIN_PASSWORD} when set, otherwise a random password printed once.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    public static final String ADMIN_USERNAME = "admin";

    private final AppUserRepository users;
    private final AuditLog audit;
    private final Clock clock;
    private final Optional<String> configuredPassword;

    AdminBootstrap(AppUserRepository users, AuditLog audit, Clock clock,
            @ConfigProperty(name = "herald.security.admin-password") Optional<String> configuredPassword) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.configuredPassword = configuredPassword;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (users.count() > 0) {
            return;
        }
        boolean generated = configuredPassword.filter(p -> !p.isBlank()).isEmpty();
        String password = generated ? randomPassword() : configuredPassword.get();
        AppUser admin = new AppUser(ADMIN_USERNAME, "Administrator", password, EnumSet.of(Role.ADMIN), clock.instant());
        users.persist(admin);
        audit.recordAs("system", "user", admin.id(), "created",
                Map.of("username", ADMIN_USERNAME, "roles", admin.roles().toString(), "reason", "first start"));
        if (generated) {
            // Printed once, at the only moment it exists in clear; this is a credential, not personal data.
            LOG.warnf("Created the first user 'admin' with password %s — sign in and change it", password);
        } else {
            LOG.info("Created the first user 'admin' with the password from HERALD_ADMIN_PASSWORD");
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
