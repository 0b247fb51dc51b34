package org.herald.regulator.authorities;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.herald.regulator.report.RegulatorReport;
import org.herald.regulator.report.ReportBuilder;
import org.herald.regulator.report.ReportDraft;
import org.herald.regulator.report.ReportFacts;

/** Australia Privacy Act s.26WK(3): the eligible data breach statement to the Commissioner, as soon as practicable. */
@ApplicationScoped
public class AustraliaOaic implements ReportBuilder {

    @Override
    public String authority() {
        return "au-oaic";
    }

    @Override
    public String authorityName() {
        return "Office of the Australian Information Commissioner";
    }

    @Override
    public Set<String> recipients() {
        return Set.of("OAIC");
    }

    @Override
    public List<String> phases() {
        return List.of("initial");
    }

    @Override
    public RegulatorReport build(ReportFacts f, String phase) {
        ReportDraft d = new ReportDraft(f, this, "Notifiable data breach statement", phase, "en");
        d.section("statement", "Statement (s.26WK(3))")
                .field("organisation", "Identity of the entity", f.reporter().name(), "no organisation name configured")
                .field("contact_point_or_dpo", "Contact details of the entity", f.contact("en"), "no complete contact point")
                .field("nature_description", "Description of the eligible data breach", f.situation("en"), "no basic situation")
                .field("categories_of_data", "Kinds of information concerned", f.categories(), "no exposed data categories")
                .field("self_protection_advice", "Recommended steps individuals should take", f.advice("en"),
                        "no self-protection advice")
                .section("additional", "Additional information (form part 2)")
                .optional("date_of_breach_or_range", "When the breach occurred", f.occurred(), "no occurrence time")
                .optional("date_of_discovery", "When the breach was discovered", ReportFacts.time(f.incident().detectedAt()),
                        "no detection time")
                .optional("approx_subjects_count", "Number of individuals affected", f.subjects(), "no count")
                .optional("measures_taken", "Actions taken to contain and remediate", f.measures("en"), "no measures");
        return d.delivery().announcement().build();
    }
}
