package org.herald.security;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts single field values (a name, an e-mail address, a phone number) with AES-256-GCM under
 * a fresh random 96-bit IV per value. A sealed value reads {@code <keyId>:<base64(iv ‖ ciphertext ‖ tag)>},
 * so values written under an older key still decrypt after the active key is rotated.
 *
 * <p>Random IVs bound one key to about 2<sup>32</sup> encryptions (NIST SP 800-38D §8.3); rotate the
 * active key well before that (docs/subjects.md).
 */
@Startup
@ApplicationScoped
public class FieldCipher {

    static final Pattern KEY_ID = Pattern.compile("[a-z0-9]{1,32}");
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;
    private final SecretKey activeKey;
    private final SecureRandom random = new SecureRandom();
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(FieldCipher::newCipher);

    @Inject
    FieldCipher(FieldEncryptionConfig config) {
        this(decodeKeys(config.keys()), config.activeKeyId());
    }

    private FieldCipher(Map<String, SecretKey> keys, Optional<String> activeKeyId) {
        if (keys.isEmpty()) {
            throw new IllegalStateException("No key to encrypt personal data at rest: set "
                    + "HERALD_SUBJECT_ENCRYPTION_KEYS_<ID> to the base64 of 32 random bytes "
                    + "(e.g. `openssl rand -base64 32`) and HERALD_SUBJECT_ENCRYPTION_ACTIVE_KEY_ID=<id> "
                    + "(see docs/subjects.md)");
        }
        String active = activeKeyId.filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "No active field-encryption key: set HERALD_SUBJECT_ENCRYPTION_ACTIVE_KEY_ID to one of "
                        + keys.keySet() + " (see docs/subjects.md)"));
        if (!keys.containsKey(active)) {
            throw new IllegalStateException("HERALD_SUBJECT_ENCRYPTION_ACTIVE_KEY_ID names key '" + active
                    + "', but only " + keys.keySet() + " are configured (see docs/subjects.md)");
        }
        this.keys = Map.copyOf(keys);
        this.activeKeyId = active;
        this.activeKey = keys.get(active);
    }

    /** A cipher over raw keys, for tests and tools that run without configuration. */
    public static FieldCipher of(Map<String, byte[]> rawKeys, String activeKeyId) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        rawKeys.forEach((id, raw) -> keys.put(checkedId(id), aesKey(id, raw)));
        return new FieldCipher(keys, Optional.ofNullable(activeKeyId));
    }

    /** Seals a value under the active key; {@code null} stays {@code null}. */
    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, activeKey, new GCMParameterSpec(TAG_BITS, iv));
            byte[] input = plaintext.getBytes(StandardCharsets.UTF_8);
            ByteBuffer out = ByteBuffer.allocate(IV_BYTES + cipher.getOutputSize(input.length));
            out.put(iv);
            cipher.doFinal(ByteBuffer.wrap(input), out);
            return activeKeyId + ':' + Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Opens a value sealed by {@link #encrypt}; {@code null} stays {@code null}. */
    public String decrypt(String sealed) {
        if (sealed == null) {
            return null;
        }
        int colon = sealed.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("Not a sealed field value");
        }
        String keyId = sealed.substring(0, colon);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("Field value sealed under key '" + keyId
                    + "', which is not configured: keep retired keys listed in herald.subject.encryption.keys");
        }
        byte[] data = Base64.getDecoder().decode(sealed.substring(colon + 1));
        if (data.length < IV_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("Sealed field value is truncated");
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
            return new String(cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("Field value failed authentication: altered, or sealed under another key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    /** The key id that new values are sealed with. */
    public String activeKeyId() {
        return activeKeyId;
    }

    /** The key id a sealed value carries. */
    public static String keyIdOf(String sealed) {
        int colon = sealed.indexOf(':');
        return colon <= 0 ? "" : sealed.substring(0, colon);
    }

    private static Map<String, SecretKey> decodeKeys(Map<String, String> configured) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        configured.forEach((id, base64) -> {
            if (base64 == null || base64.isBlank()) {
                return; // a documented slot (keys.k1) left unset
            }
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(base64.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Field-encryption key '" + id + "' is not valid base64");
            }
            keys.put(checkedId(id), aesKey(id, raw));
        });
        return keys;
    }

    private static String checkedId(String id) {
        if (!KEY_ID.matcher(id).matches()) {
            throw new IllegalStateException("Field-encryption key id '" + id + "' must be 1-32 lower-case letters or digits");
        }
        return id;
    }

    private static SecretKey aesKey(String id, byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalStateException("Field-encryption key '" + id + "' must be 32 bytes (AES-256), not "
                    + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every Java runtime", e);
        }
    }
}
