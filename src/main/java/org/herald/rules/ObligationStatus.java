package org.herald.rules;

/** Where an obligation stands. LATE is an open obligation whose due time has passed. */
public enum ObligationStatus {
    OPEN,
    FULFILLED,
    WAIVED,
    LATE
}
