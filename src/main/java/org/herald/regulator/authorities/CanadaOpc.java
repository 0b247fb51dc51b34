package org.herald.regulator.authorities;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.herald.regulator.report.RegulatorReport;
import org.herald.regulator.report.ReportBuilder;
import org.herald.regulator.report.ReportDraft;
import org.herald.regulator.report.ReportFacts;

/** Canada PIPEDA s.10.1 and SOR/2018-64 s.2: breach report to the OPC as soon as feasible; new information may follow. */
@ApplicationScoped
public class CanadaOpc implements ReportBuilder {

    @Override
    public String authority() {
        return "ca-opc";
    }

    @Override
    public String authorityName() {
        return "Office of the Privacy Commissioner of Canada";
    }

    @Override
    public Set<String> recipients() {
        return Set.of("OPC");
    }

    @Override
    public List<String> phases() {
        return List.of("initial", "update");
    }

    @Override
    public RegulatorReport build(ReportFacts f, String phase) {
        ReportDraft d = new ReportDraft(f, this, "Breach of security safeguards report", phase, "en");
        d.section("report", "Report (SOR/2018-64 s.2)")
                .field("organisation", "Organization", f.reporter().name(), "no organisation name configured")
                .field("nature_description", "Circumstances of the breach and its cause, if known", f.situation("en"),
                        "no basic situation")
                .field("date_of_breach_or_range", "Date or period of the breach", f.occurred(), "no occurrence time")
                .field("categories_of_data", "Personal information that is the subject of the breach", f.categories(),
                        "no exposed data categories")
                .field("approx_subjects_count", "Number of individuals affected", f.subjects(), "no count of the people affected")
                .field("measures_taken", "Steps taken to reduce the risk of harm", f.measures("en"), "no measures")
                .field("notification_steps", "Steps taken or intended to notify affected individuals",
                        f.delivery().subjectsPlanned() == 0 ? null : f.delivery().subjectsNotified() + " of "
                                + f.delivery().subjectsPlanned() + " notified", "no notice campaign planned yet")
                .field("contact_point_or_dpo", "Contact person", f.contact("en"), "no complete contact point");
        return d.delivery().announcement().build();
    }
}
