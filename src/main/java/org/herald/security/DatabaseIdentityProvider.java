package org.herald.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Checks a username and password against the users table (bcrypt) for HTTP Basic and the console
 * login form. A user's roles are expanded by {@link Role#effective}.
 */
@ApplicationScoped
public class DatabaseIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final AppUserRepository users;

    DatabaseIdentityProvider(AppUserRepository users) {
        this.users = users;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        // bcrypt and JDBC block: run them on a worker thread, never on the event loop.
        return context.runBlocking(() -> check(request.getUsername(), new String(request.getPassword().getPassword())));
    }

    private SecurityIdentity check(String username, String password) {
        Optional<AppUser> found = QuarkusTransaction.requiringNew().call(() -> users.byUsername(username));
        if (found.isEmpty() || !found.get().enabled() || !found.get().passwordMatches(password)) {
            throw new AuthenticationFailedException("Unknown user or wrong password");
        }
        return identityOf(found.get());
    }

    /** The identity of a user as Herald acts on it: current roles, expanded for ADMIN. */
    static SecurityIdentity identityOf(AppUser user) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.username()))
                .addAttribute("displayName", user.displayName());
        Role.effective(user.roles()).forEach(r -> identity.addRole(r.name()));
        return identity.build();
    }
}
