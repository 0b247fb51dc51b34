package org.herald.regulator.authorities;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.herald.regulator.report.RegulatorReport;
import org.herald.regulator.report.ReportBuilder;
import org.herald.regulator.report.ReportDraft;
import org.herald.regulator.report.ReportFacts;

/** Texas Bus. & Com. Code 521.053(i): the AG web form, when 250 or more Texans are affected, within 30 days. */
@ApplicationScoped
public class TexasAttorneyGeneral implements ReportBuilder {

    @Override
    public String authority() {
        return "us-tx-ag";
    }

    @Override
    public String authorityName() {
        return "Texas Attorney General";
    }

    @Override
    public Set<String> recipients() {
        return Set.of("TX_AG");
    }

    @Override
    public List<String> phases() {
        return List.of("initial");
    }

    @Override
    public RegulatorReport build(ReportFacts f, String phase) {
        ReportDraft d = new ReportDraft(f, this, "Data security breach report", phase, "en");
        d.section("report", "Report")
                .field("organisation", "Organization name", f.reporter().name(), "no organisation name configured")
                .field("nature_description", "Nature and circumstances of the breach", f.situation("en"), "no basic situation")
                .field("categories_of_data", "Types of sensitive personal information", f.categories(), "no exposed data categories")
                .field("count_residents_in_jurisdiction", "Number of Texans affected", f.subjectsIn("US", "US-TX"),
                        "no affected set with Texas residents")
                .field("count_already_notified", "Number of affected Texans notified", f.delivery().subjectsNotified(), "")
                .field("date_of_notice", "Date notice was provided", ReportFacts.day(f.delivery().firstSentAt()),
                        "no notice sent yet")
                .field("measures_taken", "Measures taken regarding the breach", f.measures("en"), "no measures")
                .optional("measures_planned", "Measures the organization intends to take", f.remedies("en"),
                        "no remedies in the notice content")
                .optional("law_enforcement_involved", "Law enforcement is investigating", null,
                        "Herald does not record law-enforcement involvement");
        return d.delivery().announcement().build();
    }
}
