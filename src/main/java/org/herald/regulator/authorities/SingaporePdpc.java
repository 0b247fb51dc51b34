package org.herald.regulator.authorities;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.herald.regulator.report.RegulatorReport;
import org.herald.regulator.report.ReportBuilder;
import org.herald.regulator.report.ReportDraft;
import org.herald.regulator.report.ReportFacts;

/** Singapore PDPA s.26D: notification to the PDPC within 3 calendar days of assessing a breach notifiable (significant harm, or 500 or more people). */
@ApplicationScoped
public class SingaporePdpc implements ReportBuilder {

    @Override
    public String authority() {
        return "sg-pdpc";
    }

    @Override
    public String authorityName() {
        return "Singapore Personal Data Protection Commission";
    }

    @Override
    public Set<String> recipients() {
        return Set.of("PDPC_SG");
    }

    @Override
    public List<String> phases() {
        return List.of("initial");
    }

    @Override
    public RegulatorReport build(ReportFacts f, String phase) {
        ReportDraft d = new ReportDraft(f, this, "Data breach notification to the PDPC", phase, "en");
        d.section("breach", "Data breach")
                .field("organisation", "Organisation name", f.reporter().name(), "no organisation name configured")
                .field("date_of_breach_or_range", "Date and time the data breach occurred", f.occurred(), "no occurrence time")
                .field("date_of_discovery", "Date and time the organisation became aware", ReportFacts.time(f.incident().awareAt()),
                        "no awareness time")
                .optional("assessed_at", "Date the breach was assessed to be notifiable", null,
                        "Herald does not record the assessment date yet")
                .field("nature_description", "How the data breach occurred", f.situation("en"), "no basic situation")
                .field("approx_subjects_count", "Number of affected individuals", f.subjects(), "no count of the people affected")
                .optional("count_residents_in_jurisdiction", "Affected individuals in Singapore", f.subjectsIn("SG", null),
                        "no affected set")
                .field("categories_of_data", "Personal data affected", f.categories(), "no exposed data categories")
                .field("likely_consequences_or_harm", "Potential harm to affected individuals", f.impact("en"), "no possible impact")
                .field("measures_taken", "Remedial actions taken or to be taken", f.measures("en"), "no measures")
                .field("contact_point_or_dpo", "Contact person", f.contact("en"), "no complete contact point");
        return d.delivery().announcement().build();
    }
}
