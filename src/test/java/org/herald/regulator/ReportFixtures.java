package org.herald.regulator;

import io.restassured.http.ContentType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.herald.testing.TestUsers;

/** Incidents for regulator-report tests, as an analyst records them. No real people. */
public final class ReportFixtures {

    private ReportFixtures() {
    }

    /** An incident with every fact a report asks for (content in English and Chinese). */
    public static Map<String, Object> completeIncident(String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title + " " + UUID.randomUUID().toString().substring(0, 8));
        body.put("severity", "HIGH");
        body.put("breachTypes", List.of("CONFIDENTIALITY"));
        body.put("causeFamily", "HACKING");
        body.put("discoveryMethod", "INTERNAL");
        body.put("discoveryNotes", "Found by log review");
        body.put("occurredFrom", "2025-03");
        body.put("occurredTo", "2025-03-20");
        body.put("detectedAt", "2025-03-21T08:00:00Z");
        body.put("awareAt", "2025-03-21T10:30:00Z");
        body.put("containedAt", "2025-03-22T09:00:00Z");
        body.put("systems", List.of("crm", "billing"));
        body.put("dataCategories", List.of("CONTACT", "PAYMENT_CARD"));
        body.put("encryption", "UNENCRYPTED");
        body.put("exfiltration", "POSSIBLE");
        body.put("estimatedSubjects", 1200);
        body.put("estimatedRecords", 2400);
        body.put("content", Map.of("en", content("en"), "zh-CN", chineseContent()));
        return body;
    }

    public static Map<String, Object> content(String locale) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("basicSituation", "Situation in " + locale);
        c.put("possibleImpact", "Impact in " + locale);
        c.put("measures", "Measures in " + locale);
        c.put("selfProtectionAdvice", "Advice in " + locale);
        c.put("remedies", "Twelve months of credit monitoring (" + locale + ")");
        c.put("contactPoint", Map.of("name", "Privacy Office", "email", "privacy@example.org",
                "phone", "+1 202 555 0100", "address", "1 Example Street, Exampletown"));
        return c;
    }

    public static Map<String, Object> chineseContent() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("basicSituation", "客户信息系统遭到未经授权的访问");
        c.put("possibleImpact", "可能导致联系方式和支付卡信息泄露");
        c.put("measures", "已隔离受影响的系统并重置凭据");
        c.put("selfProtectionAdvice", "请留意可疑的电话和邮件");
        c.put("remedies", "免费提供十二个月的信用监控");
        c.put("contactPoint", Map.of("name", "个人信息保护办公室", "email", "privacy@example.org"));
        return c;
    }

    public static String createCompleteIncident(String title) {
        return create(completeIncident(title));
    }

    public static String create(Map<String, Object> body) {
        return TestUsers.asAnalyst().contentType(ContentType.JSON).body(body).post("/api/incidents")
                .then().statusCode(201).extract().path("id");
    }

    public static String createDraft(String title) {
        return create(Map.of("title", title + " " + UUID.randomUUID().toString().substring(0, 8)));
    }
}
