package org.herald.announcement;

/** One substitute-notice condition checked against the facts: whether it holds, and why, with its numbers. */
public record ConditionCheck(String type, boolean met, String reason) {
}
