package org.herald.incident;

/** How precisely a time is known: early in a breach "some time in March" is often all there is. */
public enum TimePrecision {
    EXACT,
    DAY,
    MONTH,
    YEAR
}
