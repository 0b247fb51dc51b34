package org.herald.incident;

/**
 * Whether the exposed data was readable: many laws exempt encrypted data from notification unless
 * the key was exposed too.
 */
public enum EncryptionState {
    UNENCRYPTED,
    ENCRYPTED_KEY_SAFE,
    ENCRYPTED_KEY_COMPROMISED
}
