package org.herald.regulator.authorities;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.herald.regulator.report.RegulatorReport;
import org.herald.regulator.report.ReportBuilder;
import org.herald.regulator.report.ReportDraft;
import org.herald.regulator.report.ReportFacts;

/** South Korea PIPA Art. 34 and Enforcement Decree Art. 40: report within 72 hours (1,000 or more, sensitive data, or hacking); confirmed facts first, details as they are confirmed. Labels in English: the embedded PDF font carries
 * Chinese and Japanese but not Hangul. */
@ApplicationScoped
public class KoreaPipc implements ReportBuilder {

    @Override
    public String authority() {
        return "kr-pipc";
    }

    @Override
    public String authorityName() {
        return "Personal Information Protection Commission / KISA (South Korea)";
    }

    @Override
    public Set<String> recipients() {
        return Set.of("PIPC_KR", "KISA", "PIPC_KR|KISA");
    }

    @Override
    public List<String> phases() {
        return List.of("initial", "supplement");
    }

    @Override
    public RegulatorReport build(ReportFacts f, String phase) {
        Set<String> sup = Set.of("supplement");
        ReportDraft d = new ReportDraft(f, this, "Personal information leak report (PIPA Art. 34)", phase, "en");
        d.section("report", "Report items")
                .field("organisation", "Personal information handler", f.reporter().name(), "no organisation name configured")
                .field("categories_of_data", "Items of personal information leaked", f.categories(), "no exposed data categories")
                .field("approx_subjects_count", "Number of data subjects", f.subjects(), "no count of the people affected")
                .field("date_of_breach_or_range", "When the leak happened", f.occurred(), "no occurrence time")
                .fieldIn(sup, "cause", "How the leak happened", f.situation("en"), "no basic situation")
                .field("self_protection_advice", "What data subjects can do to minimise damage",
                        f.advice("en"), "no self-protection advice")
                .field("measures_taken", "Response measures and remedy procedure", f.measures("en"),
                        "no measures")
                .optional("remedies", "Remedies", f.remedies("en"), "no remedies")
                .field("contact_point_or_dpo", "Contact for reporting damage", f.contact("en"),
                        "no complete contact point");
        return d.delivery().announcement("Website posting (at least 30 days)", "Posted at", "Posted where").build();
    }
}
