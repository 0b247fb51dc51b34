package org.herald.subject;

import io.quarkus.security.identity.SecurityIdentity;
import org.herald.security.Role;

/**
 * How much personal data a caller may read. Privacy officers and administrators see contact values
 * and names in clear; analysts see names and masked contact values; auditors see both masked —
 * whatever other role they hold, an auditor never reads raw contact data.
 */
public enum Disclosure {
    /** Names and contact values in clear. */
    FULL,
    /** Names in clear, contact values masked. */
    MASKED_CONTACTS,
    /** Names and contact values masked. */
    MASKED;

    public static Disclosure of(SecurityIdentity identity) {
        // ADMIN acts in every role (Role.effective), so it is decided first.
        if (identity.hasRole(Role.ADMIN_NAME)) {
            return FULL;
        }
        if (identity.hasRole(Role.AUDITOR_NAME)) {
            return MASKED;
        }
        if (identity.hasRole(Role.PRIVACY_OFFICER_NAME)) {
            return FULL;
        }
        return MASKED_CONTACTS;
    }

    public boolean contactsInClear() {
        return this == FULL;
    }

    public boolean namesInClear() {
        return this != MASKED;
    }
}
