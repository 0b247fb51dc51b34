package org.herald.regulator.authorities;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.herald.regulator.report.RegulatorReport;
import org.herald.regulator.report.ReportBuilder;
import org.herald.regulator.report.ReportDraft;
import org.herald.regulator.report.ReportFacts;

/**
 * GDPR Art. 33 notification to the lead supervisory authority, in phases (Art. 33(4)): the initial
 * report needs what is known within 72 hours; the follow-up completes Art. 33(3)(a)-(d).
 */
@ApplicationScoped
public class EuLeadSupervisoryAuthority implements ReportBuilder {

    static final Set<String> FOLLOW_UP = Set.of("follow-up");

    @Override
    public String authority() {
        return "eu-lead-sa";
    }

    @Override
    public String authorityName() {
        return "EU lead supervisory authority (GDPR Art. 33)";
    }

    @Override
    public Set<String> recipients() {
        return Set.of("EU_LEAD_SA");
    }

    @Override
    public List<String> phases() {
        return List.of("initial", "follow-up");
    }

    @Override
    public RegulatorReport build(ReportFacts f, String phase) {
        ReportDraft d = new ReportDraft(f, this, "Personal data breach notification (GDPR Art. 33)", phase, "en");
        d.section("nature", "Art. 33(3)(a) Nature of the breach")
                .field("nature_description", "Nature of the personal data breach", f.situation("en"),
                        "no basic situation in the notice content")
                .field("categories_of_data", "Categories of personal data concerned", f.categories(),
                        "no exposed data categories")
                .field("approx_subjects_count", "Approximate number of data subjects", f.subjects(),
                        "neither an affected set nor an estimate of the people affected")
                .fieldIn(FOLLOW_UP, "approx_records_count", "Approximate number of personal data records", f.records(),
                        "no estimate of the records affected")
                .optional("categories_of_subjects", "Categories of data subjects concerned", null,
                        "Herald does not record categories of data subjects")
                .section("timing", "Timing")
                .optional("date_of_breach_or_range", "When the breach happened", f.occurred(), "no occurrence time")
                .field("date_of_discovery", "When the controller became aware", ReportFacts.time(f.incident().awareAt()),
                        "no awareness time")
                .fieldIn(FOLLOW_UP, "containment", "When the breach was contained",
                        ReportFacts.time(f.incident().containedAt()), "no containment time");
        if (late(f)) {
            d.optional("reasons_for_delay", "Reasons for the delay (notified after 72 hours)", null,
                    "Herald does not record reasons for delay; attach them to the filing");
        }
        d.section("contact", "Art. 33(3)(b) Contact point")
                .field("contact_point_or_dpo", "Name and contact details of the DPO or other contact point",
                        f.contact("en"), "no complete contact point in the notice content")
                .section("consequences", "Art. 33(3)(c)-(d) Consequences and measures")
                .fieldIn(FOLLOW_UP, "likely_consequences_or_harm", "Likely consequences of the breach", f.impact("en"),
                        "no possible impact in the notice content")
                .fieldIn(FOLLOW_UP, "measures_taken", "Measures taken or proposed, including mitigation",
                        f.measures("en"), "no measures in the notice content")
                .optional("cross_border", "Member states of establishment",
                        f.organisation().establishmentCountries() == null ? null
                                : String.join(", ", f.organisation().establishmentCountries()),
                        "no establishment countries configured");
        return d.delivery().announcement().build();
    }

    static boolean late(ReportFacts f) {
        return f.incident().awareAt() != null
                && Duration.between(f.incident().awareAt(), f.now()).compareTo(Duration.ofHours(72)) > 0;
    }
}
