package org.herald.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Turns the console's session cookie (which carries only the username) back into an identity,
 * reading the user again so that a disabled user or a changed role takes effect at once.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final AppUserRepository users;

    SessionIdentityProvider(AppUserRepository users) {
        this.users = users;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            Optional<AppUser> user = QuarkusTransaction.requiringNew().call(() -> users.byUsername(request.getPrincipal()));
            if (user.isEmpty() || !user.get().enabled()) {
                throw new AuthenticationFailedException("The session's user no longer exists or is disabled");
            }
            return DatabaseIdentityProvider.identityOf(user.get());
        });
    }
}
