package org.herald.incident;

/** How bad an incident is judged to be; a new incident is {@link #MEDIUM} until someone knows better. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
