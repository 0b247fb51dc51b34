package org.herald.regulator.authorities;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.herald.regulator.report.RegulatorReport;
import org.herald.regulator.report.ReportBuilder;
import org.herald.regulator.report.ReportDraft;
import org.herald.regulator.report.ReportFacts;

/** South Korea PIPA Art. 34 and Enforcement Decree Art. 40: report within 72 hours (1,000 or more, sensitive data, or hacking); confirmed facts first, details as they are confirmed. */
@ApplicationScoped
public class KoreaPipc implements ReportBuilder {

    @Override
    public String authority() {
        return "kr-pipc";
    }

    @Override
    public String authorityName() {
        return "개인정보보호위원회 / KISA (South Korea)";
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
        ReportDraft d = new ReportDraft(f, this, "개인정보 유출 등 신고", phase, "ko");
        d.section("report", "신고 사항 (Report items)")
                .field("organisation", "개인정보처리자 (Handler)", f.reporter().name(), "no organisation name configured")
                .field("categories_of_data", "유출된 개인정보의 항목 (Items leaked)", f.categories(), "no exposed data categories")
                .field("approx_subjects_count", "유출 규모 (Number of data subjects)", f.subjects(), "no count of the people affected")
                .field("date_of_breach_or_range", "유출 시점 (When)", f.occurred(), "no occurrence time")
                .fieldIn(sup, "cause", "유출 경위 (How)", f.situation("ko"), "no basic situation")
                .field("self_protection_advice", "피해 최소화를 위해 정보주체가 할 수 있는 방법 (What individuals can do)",
                        f.advice("ko"), "no self-protection advice")
                .field("measures_taken", "대응조치 및 피해 구제절차 (Response and remedy procedure)", f.measures("ko"),
                        "no measures")
                .optional("remedies", "피해 구제 (Remedies)", f.remedies("ko"), "no remedies")
                .field("contact_point_or_dpo", "피해 신고·상담 연락처 (Contact for damage reports)", f.contact("ko"),
                        "no complete contact point");
        return d.delivery().announcement("홈페이지 게시 (Website posting)", "게시일 (Posted at)", "게시 위치 (Where)").build();
    }
}
