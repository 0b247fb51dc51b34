package org.herald.regulator.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A report for one authority about one incident, in one phase (initial, follow-up, final ...):
 * every field the authority asks for with Herald's value, and an explicit list of what is still
 * missing. {@code missing} holds the required fields without a value ("cannot be filed yet: no
 * containment time") and the facts Herald does not record yet (the public announcement);
 * {@code fileable} is true when no required field is missing. {@code changes} compares the values
 * with the last filing, for follow-up reports.
 */
public record RegulatorReport(String authority, String authorityName, String title, String phase, String language,
        UUID incidentId, String incidentReference, Instant generatedAt, UUID obligationId, Instant dueAt,
        List<ReportSection> sections, List<Missing> missing, boolean fileable, Integer lastFiledVersion,
        List<Change> changes) {

    /** A field still without a value; {@code blocking} when the authority requires it. */
    public record Missing(String key, String label, String reason, boolean blocking) {
    }

    /** A field whose value differs from the one in the last filing. */
    public record Change(String key, String label, String filed, String now) {
    }

    /** The field values by key, as stored with a filing. */
    public Map<String, String> values() {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (ReportSection s : sections) {
            for (ReportField f : s.fields()) {
                values.put(f.key(), f.value());
            }
        }
        return values;
    }

    public RegulatorReport withChanges(Integer lastFiledVersion, List<Change> changes) {
        return new RegulatorReport(authority, authorityName, title, phase, language, incidentId, incidentReference,
                generatedAt, obligationId, dueAt, sections, missing, fileable, lastFiledVersion, changes);
    }
}
