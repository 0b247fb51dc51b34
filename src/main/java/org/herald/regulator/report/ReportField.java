package org.herald.regulator.report;

/**
 * One field of a regulator report: the authority's own label, Herald's value for it (null when
 * Herald does not know it), and, when it is missing, why it cannot be filled yet.
 */
public record ReportField(String key, String label, String value, boolean required, String missing) {

    public boolean isMissing() {
        return value == null;
    }
}
