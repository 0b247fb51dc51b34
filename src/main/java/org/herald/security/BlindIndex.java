package org.herald.security;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed blind index: HMAC-SHA256 of a normalised value (lower-cased e-mail address, E.164 phone
 * number) under a key kept apart from the data keys. Equal values give equal indexes, so Herald can
 * find a subject by e-mail or phone without storing or decrypting either; without the key the index
 * says nothing about the value.
 */
@Startup
@ApplicationScoped
public class BlindIndex {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    @Inject
    BlindIndex(FieldEncryptionConfig config) {
        this(config.blindIndexKey().filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "No blind-index key: set HERALD_SUBJECT_ENCRYPTION_BLIND_INDEX_KEY to at least 32 random characters "
                        + "(e.g. `openssl rand -base64 32`), different from the data keys (see docs/subjects.md)"))
                .strip().getBytes(StandardCharsets.UTF_8));
    }

    private BlindIndex(byte[] raw) {
        if (raw.length < 32) {
            throw new IllegalStateException("The blind-index key must be at least 32 characters, not " + raw.length);
        }
        this.key = new SecretKeySpec(raw, ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** An index over a raw key, for tests and tools that run without configuration. */
    public static BlindIndex of(byte[] rawKey) {
        return new BlindIndex(rawKey);
    }

    /**
     * The index of a value that the caller has already normalised. {@code purpose} (e.g. "email",
     * "phone") separates the index spaces, so equal strings of different kinds never collide.
     */
    public byte[] of(String purpose, String normalisedValue) {
        Mac mac = macs.get();
        mac.update(purpose.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return mac.doFinal(normalisedValue.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

}
