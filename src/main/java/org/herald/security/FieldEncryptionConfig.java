package org.herald.security;

import io.smallrye.config.ConfigMapping;
import java.util.Map;
import java.util.Optional;

/**
 * Keys that protect personal data at rest (names and contact values of data subjects). Dev and
 * test profiles ship throw-away keys; production must supply its own, or Herald refuses to start.
 */
@ConfigMapping(prefix = "herald.subject.encryption")
public interface FieldEncryptionConfig {

    /**
     * Data keys by key id, each the base64 of 32 random bytes (AES-256). Key ids are 1-32 lower-case
     * letters or digits so that they map one-to-one onto environment variables
     * ({@code HERALD_SUBJECT_ENCRYPTION_KEYS_K2027}). Keep a retired key listed while any value
     * still carries its id. Default: none.
     */
    Map<String, String> keys();

    /** The key id new values are encrypted with; must be one of {@link #keys()}. Default: none. */
    Optional<String> activeKeyId();

    /**
     * At least 32 random characters (e.g. {@code openssl rand -base64 32}) keying the blind index
     * (HMAC-SHA256) used for exact look-ups by e-mail address or phone number. Separate from the data
     * keys; changing it means re-importing the registry, because every stored index changes.
     * Default: none.
     */
    Optional<String> blindIndexKey();
}
