package org.herald.incident;

/** The security property that failed (one incident may break several). */
public enum BreachType {
    /** Personal data disclosed to or accessed by someone not entitled to it. */
    CONFIDENTIALITY,
    /** Personal data altered without authorisation. */
    INTEGRITY,
    /** Personal data lost or made inaccessible. */
    AVAILABILITY
}
