package org.herald.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Set;

/** What every console page needs to know about the person viewing it. */
@RequestScoped
public class ConsoleSession {

    private final SecurityIdentity identity;
    private final CsrfTokens csrf;

    ConsoleSession(SecurityIdentity identity, CsrfTokens csrf) {
        this.identity = identity;
        this.csrf = csrf;
    }

    public String username() {
        return identity.getPrincipal().getName();
    }

    public String displayName() {
        Object name = identity.getAttribute("displayName");
        return name == null ? username() : name.toString();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    public String csrfToken() {
        return csrf.tokenFor(username());
    }

    /** Refuses a console form post that does not carry this user's token. */
    public void requireCsrf(String token) {
        csrf.require(username(), token);
    }
}
