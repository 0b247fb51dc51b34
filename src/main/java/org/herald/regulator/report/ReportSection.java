package org.herald.regulator.report;

import java.util.List;

/** A titled group of fields, in the order the authority's form asks for them. */
public record ReportSection(String key, String title, List<ReportField> fields) {
}
