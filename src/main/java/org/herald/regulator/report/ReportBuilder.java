package org.herald.regulator.report;

import java.util.List;
import java.util.Set;

/**
 * Builds the report one authority asks for, from Herald's facts: one small class per report format.
 * The first phase is the default.
 */
public interface ReportBuilder {

    /** The code in the report URL, e.g. {@code eu-lead-sa}. */
    String authority();

    String authorityName();

    /** The obligation recipients (rules vocabulary, e.g. {@code EU_LEAD_SA}) this report is filed with. */
    Set<String> recipients();

    List<String> phases();

    RegulatorReport build(ReportFacts facts, String phase);
}
