package org.herald.security;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Synchronizer tokens for the console's forms: an HMAC of the signed-in user's name under a key
 * all replicas share, so a page from one replica can be posted to another. A form without the
 * right token is refused.
 */
@ApplicationScoped
public class CsrfTokens {

    public static final String FIELD = "csrf";
    public static final String HEADER = "X-CSRF-Token";

    private final byte[] key;

    CsrfTokens(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> sessionKey) {
        if (sessionKey.isPresent() && !sessionKey.get().isBlank()) {
            this.key = ("csrf:" + sessionKey.get()).getBytes(StandardCharsets.UTF_8);
        } else {
            // Without a shared session key sessions end at restart anyway; so may the tokens.
            this.key = new byte[32];
            new SecureRandom().nextBytes(key);
        }
    }

    public String tokenFor(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(("csrf:" + username).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Refuses the request unless {@code token} was issued to {@code username}. */
    public void require(String username, String token) {
        if (token == null || !MessageDigest.isEqual(tokenFor(username).getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenException("Missing or wrong form token");
        }
    }
}
