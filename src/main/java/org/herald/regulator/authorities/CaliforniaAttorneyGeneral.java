package org.herald.regulator.authorities;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.herald.regulator.report.RegulatorReport;
import org.herald.regulator.report.ReportBuilder;
import org.herald.regulator.report.ReportDraft;
import org.herald.regulator.report.ReportFacts;

/** California Civ. Code 1798.82(f): sample notice submitted electronically when more than 500 residents are notified, within 15 days of notifying them. */
@ApplicationScoped
public class CaliforniaAttorneyGeneral implements ReportBuilder {

    @Override
    public String authority() {
        return "us-ca-ag";
    }

    @Override
    public String authorityName() {
        return "California Attorney General";
    }

    @Override
    public Set<String> recipients() {
        return Set.of("CA_AG");
    }

    @Override
    public List<String> phases() {
        return List.of("initial");
    }

    @Override
    public RegulatorReport build(ReportFacts f, String phase) {
        ReportDraft d = new ReportDraft(f, this, "Data security breach sample notice submission", phase, "en");
        d.section("submission", "Submission")
                .field("organisation", "Organization name", f.reporter().name(), "no organisation name configured")
                .field("date_of_breach_or_range", "Date(s) of breach", f.occurred(), "no occurrence time")
                .field("date_of_notice", "Date(s) notice provided to consumers",
                        ReportFacts.day(f.delivery().firstSentAt()), "no notice sent to consumers yet")
                .field("count_residents_in_jurisdiction", "Number of California residents notified",
                        f.subjectsIn("US", "US-CA"), "no affected set with California residents")
                .optional("law_enforcement_delay_flag", "Notice delayed by law enforcement", null,
                        "Herald does not record law-enforcement delays")
                .field("copy_of_individual_notice", "Sample copy of the notice (without personal information)",
                        f.noticeCopy("en"), "the English notice content is not complete");
        return d.delivery().announcement().build();
    }
}
