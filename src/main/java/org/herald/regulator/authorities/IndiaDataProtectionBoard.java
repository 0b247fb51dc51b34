package org.herald.regulator.authorities;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.herald.regulator.report.RegulatorReport;
import org.herald.regulator.report.ReportBuilder;
import org.herald.regulator.report.ReportDraft;
import org.herald.regulator.report.ReportFacts;

/** India DPDP Rules 2025 Rule 7(2): intimation without delay, then the detailed report within 72 hours. */
@ApplicationScoped
public class IndiaDataProtectionBoard implements ReportBuilder {

    @Override
    public String authority() {
        return "in-dpb";
    }

    @Override
    public String authorityName() {
        return "Data Protection Board of India";
    }

    @Override
    public Set<String> recipients() {
        return Set.of("DPB_IN");
    }

    @Override
    public List<String> phases() {
        return List.of("initial", "detailed");
    }

    @Override
    public RegulatorReport build(ReportFacts f, String phase) {
        Set<String> detailed = Set.of("detailed");
        ReportDraft d = new ReportDraft(f, this, phase.equals("detailed") ? "Detailed personal data breach report"
                : "Intimation of personal data breach", phase, "en");
        d.section("intimation", "Rule 7(2)(a) Intimation")
                .field("nature_description", "Description of the breach (nature, extent, timing, location)",
                        f.situation("en"), "no basic situation")
                .field("date_of_breach_or_range", "Timing of the breach", f.occurred(), "no occurrence time")
                .optional("location", "Location of the breach", f.systems(), "no affected systems recorded")
                .field("likely_consequences_or_harm", "Likely impact", f.impact("en"), "no possible impact")
                .section("detailed", "Rule 7(2)(b) Detailed report (within 72 hours)")
                .fieldIn(detailed, "cause", "Facts, circumstances and reasons of the breach",
                        f.incident().causeFamily() == null ? null : f.incident().causeFamily().name()
                                + (f.incident().discoveryNotes() == null ? "" : ": " + f.incident().discoveryNotes()),
                        "no cause recorded")
                .fieldIn(detailed, "measures_taken", "Mitigation measures taken or proposed", f.measures("en"), "no measures")
                .optional("findings_on_cause", "Findings regarding the person who caused the breach", null,
                        "Herald does not record who caused a breach")
                .fieldIn(detailed, "remedial_measures", "Remedial measures to prevent recurrence", f.remedies("en"),
                        "no remedies in the notice content")
                .fieldIn(detailed, "notices_report", "Report on the intimations given to affected Data Principals",
                        f.delivery().subjectsPlanned() == 0 ? null : f.delivery().subjectsNotified() + " of "
                                + f.delivery().subjectsPlanned() + " notified", "no notice campaign planned yet");
        return d.delivery().announcement().build();
    }
}
