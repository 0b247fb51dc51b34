package org.herald.regulator.authorities;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.herald.regulator.report.RegulatorReport;
import org.herald.regulator.report.ReportBuilder;
import org.herald.regulator.report.ReportDraft;
import org.herald.regulator.report.ReportFacts;

/** Florida Stat. 501.171(3): notice to the Department of Legal Affairs when 500 or more Floridians are affected, within 30 days. */
@ApplicationScoped
public class FloridaAttorneyGeneral implements ReportBuilder {

    @Override
    public String authority() {
        return "us-fl-ag";
    }

    @Override
    public String authorityName() {
        return "Florida Department of Legal Affairs";
    }

    @Override
    public Set<String> recipients() {
        return Set.of("FL_DLA", "FL_AG");
    }

    @Override
    public List<String> phases() {
        return List.of("initial");
    }

    @Override
    public RegulatorReport build(ReportFacts f, String phase) {
        ReportDraft d = new ReportDraft(f, this, "Security breach notice to the Department of Legal Affairs", phase, "en");
        d.section("notice", "Notice")
                .field("nature_description", "Synopsis of the events surrounding the breach", f.situation("en"), "no basic situation")
                .field("count_residents_in_jurisdiction", "Number of individuals in Florida affected",
                        f.subjectsIn("US", "US-FL"), "no affected set with Florida residents")
                .field("services_offered", "Services offered to individuals", f.remedies("en"), "no remedies in the notice content")
                .field("copy_of_individual_notice", "Copy of the notice to individuals", f.noticeCopy("en"),
                        "the English notice content is not complete")
                .field("contact_point_or_dpo", "Contact for further information", f.contact("en"), "no complete contact point");
        return d.delivery().announcement().build();
    }
}
