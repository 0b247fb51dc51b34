package org.herald.regulator.authorities;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.herald.regulator.report.RegulatorReport;
import org.herald.regulator.report.ReportBuilder;
import org.herald.regulator.report.ReportDraft;
import org.herald.regulator.report.ReportFacts;

/** New York GBL 899-aa(8)(a): timing, content and distribution of the notices and the approximate number affected, with a template of the notice. */
@ApplicationScoped
public class NewYorkAttorneyGeneral implements ReportBuilder {

    @Override
    public String authority() {
        return "us-ny-ag";
    }

    @Override
    public String authorityName() {
        return "New York Attorney General, Department of State and State Police";
    }

    @Override
    public Set<String> recipients() {
        return Set.of("NY_AG", "NY_DOS", "NY_STATE_POLICE");
    }

    @Override
    public List<String> phases() {
        return List.of("initial");
    }

    @Override
    public RegulatorReport build(ReportFacts f, String phase) {
        ReportDraft d = new ReportDraft(f, this, "New York State security breach reporting form", phase, "en");
        d.section("report", "Report")
                .field("organisation", "Name of business", f.reporter().name(), "no organisation name configured")
                .field("date_of_breach_or_range", "Dates of the breach", f.occurred(), "no occurrence time")
                .field("date_of_discovery", "Date of discovery", ReportFacts.day(f.incident().detectedAt()), "no detection time")
                .field("count_residents_in_jurisdiction", "Approximate number of New York residents affected",
                        f.subjectsIn("US", "US-NY"), "no affected set with New York residents")
                .field("date_of_notice", "Timing of the notices (first sent)", ReportFacts.day(f.delivery().firstSentAt()),
                        "no notice sent yet")
                .field("distribution", "Distribution of the notices (channels)", channels(f), "no notice sent yet")
                .field("categories_of_data", "Information acquired or accessed", f.categories(), "no exposed data categories")
                .field("copy_of_individual_notice", "Template of the notice", f.noticeCopy("en"),
                        "the English notice content is not complete");
        return d.delivery().announcement().build();
    }

    private static String channels(ReportFacts f) {
        return f.delivery().byChannel().isEmpty() ? null : String.join(", ", new java.util.TreeSet<>(f.delivery().byChannel().keySet()));
    }
}
