package org.herald.announcement;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.herald.rules.SubstituteNoticeTerms;
import org.herald.rules.SubstituteNoticeTerms.Component;
import org.herald.rules.SubstituteNoticeTerms.Condition;
import org.herald.subject.Imports;
import org.herald.testing.TestUsers;

/**
 * One incident with its affected subjects, recorded through the API, for announcement tests.
 * Subjects carry distinctive, obviously fake names and contacts so a test can prove none of them
 * reaches a public page: S1 (US-CA) e-mail and phone, S2 (US-CA) phone only, S3 (US-CA) nothing,
 * S4 (US-NY) e-mail; S5 is in the registry but not affected.
 */
record Breach(UUID incidentId, String source, String crm, int n) {

    private static final AtomicInteger COUNT = new AtomicInteger();

    static final String BASIC_SITUATION = "An unprotected backup of the customer database was reachable from the internet.";
    static final String ZH_BASIC_SITUATION = "客户数据库的一份未受保护的备份可从互联网访问。";

    static Breach recorded() {
        int n = COUNT.incrementAndGet() * 10 + (int) (System.nanoTime() % 7);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String source = "ann-" + suffix;
        String crm = "ann-crm-" + suffix;
        Imports.importNdjson("subjects", source, String.join("\n",
                subject("S1", "US-CA", name(1, suffix), List.of(email(1, suffix)), List.of(phone(n, 1))),
                subject("S2", "US-CA", name(2, suffix), List.of(), List.of(phone(n, 2))),
                subject("S3", "US-CA", name(3, suffix), List.of(), List.of()),
                subject("S4", "US-NY", name(4, suffix), List.of(email(4, suffix)), List.of()),
                subject("S5", "US-CA", name(5, suffix), List.of(email(5, suffix)), List.of())));
        JsonPath holdings = Imports.importCsv("holdings", source, String.join("\n", "external_ref,system,category",
                "S1," + crm + ",CONTACT", "S1," + crm + ",PAYMENT_CARD", "S2," + crm + ",CONTACT",
                "S3," + crm + ",CONTACT", "S4," + crm + ",CONTACT", "S5,other-" + suffix + ",CONTACT", ""));
        assertThat(holdings.getInt("rowsAccepted")).isEqualTo(6);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Backup bucket left public " + suffix);
        body.put("severity", "HIGH");
        body.put("occurredFrom", "2025-03");
        body.put("occurredTo", "2025-03-20");
        body.put("detectedAt", "2025-03-21T08:00:00Z");
        body.put("awareAt", "2025-03-21T10:30:00Z");
        body.put("containedAt", "2025-03-22T09:00:00Z");
        body.put("systems", List.of(crm));
        body.put("dataCategories", List.of("CONTACT", "PAYMENT_CARD"));
        body.put("content", Map.of("en", content(BASIC_SITUATION, "Criminals could use the data for phishing.",
                "We closed access and rotated keys.", "Be wary of e-mails asking for card details.",
                "Twelve months of free credit monitoring."),
                "zh-CN", content(ZH_BASIC_SITUATION, "不法分子可能利用这些数据进行网络钓鱼。", "我们已关闭访问并更换密钥。",
                        "请警惕索要银行卡信息的电子邮件。", "十二个月免费信用监控。")));
        String id = TestUsers.asAnalyst().contentType(ContentType.JSON).body(body).post("/api/incidents")
                .then().statusCode(201).extract().path("id");
        UUID incident = UUID.fromString(id);
        TestUsers.asAnalyst().contentType(ContentType.JSON).body("{\"systems\":[\"" + crm + "\"]}")
                .put("/api/incidents/" + incident + "/scope").then().statusCode(200);
        return new Breach(incident, source, crm, n);
    }

    private static Map<String, Object> content(String situation, String impact, String measures, String advice,
            String remedies) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("basicSituation", situation);
        c.put("possibleImpact", impact);
        c.put("measures", measures);
        c.put("selfProtectionAdvice", advice);
        c.put("remedies", remedies);
        c.put("contactPoint", Map.of("name", "Privacy Office", "email", "privacy-office@example.com",
                "phone", "+1 202 555 0100"));
        return c;
    }

    private static String subject(String ref, String region, String name, List<String> emails, List<String> phones) {
        return "{\"externalRef\":\"" + ref + "\",\"displayName\":\"" + name + "\",\"country\":\"US\",\"region\":\""
                + region + "\",\"emails\":" + array(emails) + ",\"phones\":" + array(phones) + "}";
    }

    private static String array(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").reduce((a, b) -> a + "," + b).map(s -> "[" + s + "]")
                .orElse("[]");
    }

    /** A distinctive fake name per subject, e.g. "Quillon Fakerby 1 3f2a9c1d". */
    static String name(int i, String suffix) {
        return "Quillon Fakerby " + i + " " + suffix;
    }

    static String email(int i, String suffix) {
        return "quillon.fakerby" + i + "." + suffix + "@example.org";
    }

    /** From the fictional 555-01xx range: +1 202 555 01nn. */
    static String phone(int n, int i) {
        return "+1202555" + String.format("%04d", 100 + (n * 2 + i) % 100);
    }

    String name(int i) {
        return name(i, source.substring("ann-".length()));
    }

    String email(int i) {
        return email(i, source.substring("ann-".length()));
    }

    /** The subjects' distinctive values: none may appear on a public page. */
    List<String> personalValues() {
        String suffix = source.substring("ann-".length());
        return List.of(name(1, suffix), name(2, suffix), name(3, suffix), name(4, suffix), email(1, suffix),
                email(4, suffix), "Quillon", "Fakerby", "quillon.fakerby");
    }

    // ---- rule terms, as the rules engine would give them ----------------------------------------

    /** A US state: whole-class substitute notice when a contact is insufficient; 30 days' posting; e-mail where available. */
    static SubstituteNoticeTerms californiaInsufficientContact() {
        return new SubstituteNoticeTerms(UUID.randomUUID(), "us-ca", "US-CA", List.of("Cal. Civ. Code § 1798.82(j)(3)"),
                Set.of("US"), Set.of("US-CA"), List.of(new Condition("insufficient_contact_info", null, null, null, null),
                        new Condition("cost_exceeds", 250_000L, "USD", null, null)),
                List.of(new Component("email_where_available", null, null),
                        new Component("website_posting", 30, "conspicuous posting on the home page"),
                        new Component("statewide_media", null, null)),
                true, false, "primary");
    }

    /** HIPAA: residual coverage, 90 days, a toll-free number. */
    static SubstituteNoticeTerms hipaaResidual(long count) {
        return new SubstituteNoticeTerms(UUID.randomUUID(), "hipaa", "US", List.of("45 CFR 164.404(d)(2)(ii)"),
                Set.of("US"), Set.of(), List.of(new Condition("insufficient_contact_info", null, null, "gte", count)),
                List.of(new Component("website_posting", 90, "home page"), new Component("toll_free_number", 90, null)),
                false, true, "primary");
    }

    /** A regime configured in the test profile to auto-publish, with a condition that always holds here. */
    static SubstituteNoticeTerms autoPublishing() {
        return new SubstituteNoticeTerms(null, "test-auto-regime", "US", List.of("Test Act § 1"), Set.of("US"), Set.of(),
                List.of(new Condition("affected_exceeds", null, null, "gte", 1L)),
                List.of(new Component("website_posting", 14, null)), true, false, "primary");
    }

    /** Disproportionate effort only, as GDPR Art. 34(3)(c) puts it. */
    static SubstituteNoticeTerms disproportionateEffort() {
        return new SubstituteNoticeTerms(null, "gdpr", "US", List.of("GDPR Art. 34(3)(c)"), Set.of("US"), Set.of(),
                List.of(new Condition("disproportionate_effort", null, null, null, null)),
                List.of(new Component("publicise_statement", null, null)), true, false, "primary");
    }
}
