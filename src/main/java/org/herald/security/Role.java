package org.herald.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a user may do. {@link #ADMIN} may also act in every other role, so a single administrator
 * can run the embedded default alone; four-eyes checks compare people, not roles.
 */
public enum Role {
    /** Records and updates incidents, defines scope, uploads affected-subject lists. */
    ANALYST,
    /** Approves campaigns (never their own) and signs regulator reports. */
    PRIVACY_OFFICER,
    /** Reads everything, exports, verifies the audit chain; never sees raw contact data. */
    AUDITOR,
    /** Manages users and settings. */
    ADMIN;

    public static final String ANALYST_NAME = "ANALYST";
    public static final String PRIVACY_OFFICER_NAME = "PRIVACY_OFFICER";
    public static final String AUDITOR_NAME = "AUDITOR";
    public static final String ADMIN_NAME = "ADMIN";

    /** The roles a user with these assigned roles acts in. */
    public static Set<Role> effective(Set<Role> assigned) {
        if (assigned.contains(ADMIN)) {
            return EnumSet.allOf(Role.class);
        }
        return assigned.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(assigned);
    }
}
