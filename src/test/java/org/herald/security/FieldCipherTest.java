package org.herald.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static final byte[] OLD_KEY = key(1);
    private static final byte[] NEW_KEY = key(2);

    @Test
    void aSealedValueOpensToTheOriginalAndCarriesItsKeyId() {
        FieldCipher cipher = FieldCipher.of(Map.of("k1", OLD_KEY), "k1");
        String sealed = cipher.encrypt("person1@example.org");
        assertTrue(sealed.startsWith("k1:"), sealed);
        assertFalse(sealed.contains("person1"), sealed);
        assertEquals("person1@example.org", cipher.decrypt(sealed));
    }

    @Test
    void everyEncryptionUsesAFreshIv() {
        FieldCipher cipher = FieldCipher.of(Map.of("k1", OLD_KEY), "k1");
        assertNotEquals(cipher.encrypt("same value"), cipher.encrypt("same value"));
    }

    @Test
    void valuesSealedUnderARetiredKeyStillOpenAfterRotation() {
        String sealedBefore = FieldCipher.of(Map.of("k1", OLD_KEY), "k1").encrypt("Test Person");
        Map<String, byte[]> both = new LinkedHashMap<>();
        both.put("k1", OLD_KEY);
        both.put("k2", NEW_KEY);
        FieldCipher rotated = FieldCipher.of(both, "k2");
        assertEquals("Test Person", rotated.decrypt(sealedBefore));
        assertTrue(rotated.encrypt("Test Person").startsWith("k2:"));
    }

    @Test
    void anAlteredCiphertextIsDetected() {
        FieldCipher cipher = FieldCipher.of(Map.of("k1", OLD_KEY), "k1");
        String sealed = cipher.encrypt("Test Person");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String altered = "k1:" + Base64.getEncoder().encodeToString(raw);
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(altered));
    }

    @Test
    void aValueUnderAnUnknownKeyNamesTheMissingKey() {
        String sealed = FieldCipher.of(Map.of("k1", OLD_KEY), "k1").encrypt("x");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> FieldCipher.of(Map.of("k2", NEW_KEY), "k2").decrypt(sealed));
        assertTrue(e.getMessage().contains("'k1'"), e.getMessage());
    }

    @Test
    void startingWithoutKeysExplainsWhatToSet() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> FieldCipher.of(Map.of(), "k1"));
        assertTrue(e.getMessage().contains("HERALD_SUBJECT_ENCRYPTION_KEYS_"), e.getMessage());
        IllegalStateException noActive = assertThrows(IllegalStateException.class,
                () -> FieldCipher.of(Map.of("k1", OLD_KEY), null));
        assertTrue(noActive.getMessage().contains("HERALD_SUBJECT_ENCRYPTION_ACTIVE_KEY_ID"), noActive.getMessage());
        assertThrows(IllegalStateException.class, () -> FieldCipher.of(Map.of("k1", OLD_KEY), "k9"));
    }

    @Test
    void aKeyMustBe256Bits() {
        assertThrows(IllegalStateException.class, () -> FieldCipher.of(Map.of("k1", new byte[16]), "k1"));
    }

    @Test
    void nullStaysNull() {
        FieldCipher cipher = FieldCipher.of(Map.of("k1", OLD_KEY), "k1");
        assertNull(cipher.encrypt(null));
        assertNull(cipher.decrypt(null));
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i);
        }
        return key;
    }
}
