package org.herald.rules.obligation;

/** Why an obligation is not being met, e.g. "the supervisory authority decided notice is not needed". */
public record Waiver(String reason) {
}
