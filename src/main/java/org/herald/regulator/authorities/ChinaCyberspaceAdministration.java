package org.herald.regulator.authorities;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.herald.incident.BreachType;
import org.herald.incident.DataCategory;
import org.herald.regulator.report.RegulatorReport;
import org.herald.regulator.report.ReportBuilder;
import org.herald.regulator.report.ReportDraft;
import org.herald.regulator.report.ReportFacts;

/**
 * China: the incident report of the 国家网络安全事件报告管理办法 (CAC, in force 2025-11-01), labels in
 * Chinese. The first report may carry only items 1-2 (unit and system, time of discovery) and be
 * supplemented later; the summary report follows within 30 days after handling ends. The item list
 * is reconstructed from republished copies and unverified against the official text.
 */
@ApplicationScoped
public class ChinaCyberspaceAdministration implements ReportBuilder {

    private static final Set<String> LATER = Set.of("supplement", "summary");
    private static final Set<String> SUMMARY = Set.of("summary");

    @Override
    public String authority() {
        return "cn-cac";
    }

    @Override
    public String authorityName() {
        return "网信部门 (Cyberspace Administration of China)";
    }

    @Override
    public Set<String> recipients() {
        return Set.of("CN_PROVINCIAL_CAC", "CN_PROTECTION_DEPT", "CN_POLICE", "CN_CAC");
    }

    @Override
    public List<String> phases() {
        return List.of("initial", "supplement", "summary");
    }

    @Override
    public RegulatorReport build(ReportFacts f, String phase) {
        String title = switch (phase) {
            case "summary" -> "网络安全事件总结报告";
            case "supplement" -> "网络安全事件续报";
            default -> "网络安全事件报告（初报）";
        };
        ReportDraft d = new ReportDraft(f, this, title, phase, "zh-CN");
        d.section("unit", "一、事发单位及系统")
                .field("unit_name", "事发单位名称", f.reporter().name(), "未配置单位名称 (herald.regulator.organisation-name)")
                .field("systems_affected", "发生事件的网络或信息系统基本情况", f.systems(), "未记录受影响系统")
                .section("time", "二、事件发生时间、地点、类型、级别")
                .field("date_of_discovery", "事件发现时间", ReportFacts.time(f.incident().detectedAt()), "未记录发现时间")
                .fieldIn(LATER, "date_of_breach_or_range", "事件发生时间", f.occurred(), "未记录发生时间")
                .optional("location", "事件发生地点", f.organisation().establishmentCountries() == null ? null
                        : String.join(", ", f.organisation().establishmentCountries()), "未记录地点")
                .fieldIn(LATER, "incident_type", "事件类型", type(f), "未记录事件类型")
                .field("severity_grade", "事件级别", grade(f.subjects()), "未知受影响人数，无法分级")
                .fieldIn(LATER, "approx_subjects_count", "涉及个人信息数量（人）", f.subjects(), "未知受影响人数")
                .fieldIn(LATER, "categories_of_data", "涉及个人信息类别", categories(f), "未记录数据类别")
                .section("impact", "三、影响与处置")
                .fieldIn(LATER, "likely_consequences_or_harm", "已造成的影响和危害", f.impact("zh"), "未填写可能影响")
                .fieldIn(LATER, "measures_taken", "已采取的应对措施及效果", f.measures("zh"), "未填写已采取的措施")
                .optional("trend", "事态发展趋势及可能造成的进一步影响和危害", null, "Herald 尚未记录此项")
                .fieldIn(SUMMARY, "cause", "事件原因初步分析意见", cause(f), "未记录事件原因")
                .optional("planned_measures", "拟进一步采取的应对措施以及请求支援事项", null, "Herald 尚未记录此项")
                .optional("scene_protection", "网络安全事件现场保护情况", null, "Herald 尚未记录此项")
                .fieldIn(SUMMARY, "contained_at", "事件处置结束时间", ReportFacts.time(f.incident().containedAt()),
                        "未记录处置结束时间")
                .fieldIn(LATER, "contact_point_or_dpo", "联系人及联系方式", f.contact("zh"), "未填写联系人");
        d.delivery(Map.of("title", "四、个人通知情况", "planned", "应通知人数", "notified", "已通知人数",
                "channel", "送达渠道", "failed", "发送失败", "unreachable", "无法联系人数", "pending", "待发送",
                "firstSentAt", "首次通知时间", "lastSentAt", "最近通知时间"));
        return d.announcement("五、公告情况", "公告发布时间", "公告发布渠道").build();
    }

    /** 网络安全事件分级指南: personal information of 1 M / 10 M / 100 M citizens or more. */
    static String grade(Long subjects) {
        if (subjects == null) {
            return null;
        }
        if (subjects >= 100_000_000) {
            return "特别重大";
        }
        if (subjects >= 10_000_000) {
            return "重大";
        }
        if (subjects >= 1_000_000) {
            return "较大";
        }
        return "一般";
    }

    private static String type(ReportFacts f) {
        if (f.incident().breachTypes().isEmpty()) {
            return null;
        }
        return f.incident().breachTypes().stream().map(t -> t == BreachType.CONFIDENTIALITY ? "数据泄露"
                : t == BreachType.INTEGRITY ? "数据篡改" : "数据丢失").collect(Collectors.joining("、"));
    }

    private static String categories(ReportFacts f) {
        if (f.incident().dataCategories().isEmpty()) {
            return null;
        }
        return f.incident().dataCategories().stream().sorted().map(ChinaCyberspaceAdministration::zh)
                .collect(Collectors.joining("、"));
    }

    static String zh(DataCategory c) {
        return switch (c) {
            case CONTACT -> "联系方式";
            case IDENTITY -> "身份信息";
            case GOVERNMENT_ID -> "身份证件号码";
            case CREDENTIALS -> "账号密码";
            case PAYMENT_CARD -> "银行卡信息";
            case FINANCIAL_ACCOUNT -> "金融账户信息";
            case HEALTH -> "医疗健康信息";
            case BIOMETRIC -> "生物识别信息";
            case PRECISE_LOCATION -> "精确位置信息";
            case CHILDREN -> "未成年人个人信息";
            case OTHER -> "其他个人信息";
        };
    }

    private static String cause(ReportFacts f) {
        if (f.incident().causeFamily() == null) {
            return null;
        }
        String cause = switch (f.incident().causeFamily()) {
            case HACKING -> "网络攻击";
            case MALWARE -> "恶意软件";
            case SOCIAL -> "社会工程（钓鱼等）";
            case MISUSE -> "内部人员滥用";
            case PHYSICAL -> "物理盗窃或破坏";
            case ERROR -> "操作失误";
            case ENVIRONMENTAL -> "环境因素";
            case UNKNOWN -> "原因不明";
        };
        return f.incident().discoveryNotes() == null ? cause : cause + "；" + f.incident().discoveryNotes();
    }
}
