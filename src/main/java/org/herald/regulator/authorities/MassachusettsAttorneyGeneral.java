package org.herald.regulator.authorities;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.herald.regulator.report.RegulatorReport;
import org.herald.regulator.report.ReportBuilder;
import org.herald.regulator.report.ReportDraft;
import org.herald.regulator.report.ReportFacts;

/** Massachusetts G.L. c. 93H s.3: nature of the breach, number of residents affected and steps taken or planned, to the AG and OCABR. */
@ApplicationScoped
public class MassachusettsAttorneyGeneral implements ReportBuilder {

    @Override
    public String authority() {
        return "us-ma-ag";
    }

    @Override
    public String authorityName() {
        return "Massachusetts Attorney General and OCABR";
    }

    @Override
    public Set<String> recipients() {
        return Set.of("MA_AG", "MA_OCABR");
    }

    @Override
    public List<String> phases() {
        return List.of("initial");
    }

    @Override
    public RegulatorReport build(ReportFacts f, String phase) {
        ReportDraft d = new ReportDraft(f, this, "Data breach notification form", phase, "en");
        d.section("report", "Report")
                .field("organisation", "Organization name", f.reporter().name(), "no organisation name configured")
                .field("nature_description", "Nature of the breach or unauthorized acquisition or use", f.situation("en"),
                        "no basic situation")
                .field("count_residents_in_jurisdiction", "Number of Massachusetts residents affected",
                        f.subjectsIn("US", "US-MA"), "no affected set with Massachusetts residents")
                .field("measures_taken", "Steps taken or planned relating to the incident", f.measures("en"), "no measures")
                .optional("services_offered", "Credit monitoring offered (18 months when SSNs are involved)", f.remedies("en"),
                        "no remedies in the notice content")
                .optional("wisp", "Written information security program maintained", null,
                        "Herald does not record the security program");
        return d.delivery().announcement().build();
    }
}
