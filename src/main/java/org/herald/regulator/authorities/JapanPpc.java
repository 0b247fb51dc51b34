package org.herald.regulator.authorities;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.herald.regulator.report.RegulatorReport;
import org.herald.regulator.report.ReportBuilder;
import org.herald.regulator.report.ReportDraft;
import org.herald.regulator.report.ReportFacts;

/** Japan APPI Art. 26 and Enforcement Rules Art. 8: the preliminary report (速報) promptly, the final report (確報) within 30 days (60 for wrongful purpose); nine items. */
@ApplicationScoped
public class JapanPpc implements ReportBuilder {

    @Override
    public String authority() {
        return "jp-ppc";
    }

    @Override
    public String authorityName() {
        return "個人情報保護委員会 (Personal Information Protection Commission, Japan)";
    }

    @Override
    public Set<String> recipients() {
        return Set.of("PPC_JP");
    }

    @Override
    public List<String> phases() {
        return List.of("preliminary", "final");
    }

    @Override
    public RegulatorReport build(ReportFacts f, String phase) {
        Set<String> fin = Set.of("final");
        ReportDraft d = new ReportDraft(f, this, phase.equals("final") ? "漏えい等報告（確報）" : "漏えい等報告（速報）",
                phase, "ja");
        d.section("report", "報告事項 (Report items)")
                .field("nature_description", "概要 (Overview)", f.situation("ja"), "no basic situation")
                .field("categories_of_data", "漏えい等が発生し、又は発生したおそれがある個人データの項目 (Data items)",
                        f.categories(), "no exposed data categories")
                .field("approx_subjects_count", "本人の数 (Number of persons)", f.subjects(), "no count of the people affected")
                .fieldIn(fin, "cause", "原因 (Cause)", f.incident().causeFamily() == null ? null
                        : f.incident().causeFamily().name(), "no cause recorded")
                .fieldIn(fin, "likely_consequences_or_harm", "二次被害又はそのおそれの有無及びその内容 (Secondary damage)",
                        f.impact("ja"), "no possible impact")
                .fieldIn(fin, "response_to_individuals", "本人への対応の実施状況 (Response to individuals)",
                        f.delivery().subjectsNotified() + " / " + f.delivery().subjectsPlanned(), "")
                .fieldIn(fin, "measures_taken", "再発防止のための措置 (Prevention measures)", f.measures("ja"), "no measures")
                .optional("other", "その他参考となる事項 (Other)", f.remedies("ja"), "no remedies in the notice content")
                .field("date_of_discovery", "発覚日 (Date of discovery)", ReportFacts.day(f.incident().detectedAt()),
                        "no detection time");
        return d.delivery().announcement("公表の実施状況 (Public announcement)", "公表日 (Published at)",
                "公表方法 (Published where)").build();
    }
}
