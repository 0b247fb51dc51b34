package org.herald.regulator.report;

/** The reporting organisation as report forms name it; each value may be unknown (null). */
public record Reporter(String name, String usState, String hhsEntityType) {
}
