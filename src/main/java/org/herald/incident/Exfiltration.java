package org.herald.incident;

/** Whether data is known to have left the organisation's control. */
public enum Exfiltration {
    CONFIRMED,
    POSSIBLE,
    RULED_OUT
}
