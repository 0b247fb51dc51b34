package org.herald.notice;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.herald.rules.IndividualNoticeTerms;
import org.herald.subject.Db;
import org.herald.subject.Imports;
import org.herald.testing.TestUsers;

/**
 * An incident with complete notice content in English and Chinese, affected subjects imported
 * through the API, and open individual-notice obligations set on the fake rules. Fictional data only.
 */
final class NoticeWorld {

    private static final AtomicInteger WORLDS = new AtomicInteger();
    static final String HEADER = "source_system,external_ref,display_name,locale,country,region,minor,birth_year,deceased,"
            + "emails,phones,address_line1,address_city,address_postal_code,guardian_name,guardian_emails,"
            + "channel_preference,marketing_opt_out";

    final int n = WORLDS.incrementAndGet();
    final String source = "notice-" + n + "-" + UUID.randomUUID().toString().substring(0, 8);
    final String tag = UUID.randomUUID().toString().substring(0, 6);
    final UUID incident;
    private final List<String> rows = new ArrayList<>();

    NoticeWorld() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Notice test incident " + tag);
        body.put("severity", "HIGH");
        body.put("estimatedSubjects", 1200);
        body.put("content", Map.of("en", content("en"), "zh-CN", content("zh-CN")));
        incident = UUID.fromString(TestUsers.asAnalyst().contentType(ContentType.JSON).body(body).post("/api/incidents")
                .then().statusCode(201).extract().path("id"));
    }

    /**
     * An analyst records a hacking breach, found three hours ago, of unencrypted, exfiltrated contact
     * and identity data in one system, with complete notice content in English and Chinese.
     */
    static UUID recordBreach(String title, String system) {
        Map<String, Object> incident = new LinkedHashMap<>();
        incident.put("title", title);
        incident.put("severity", "HIGH");
        incident.put("breachTypes", List.of("CONFIDENTIALITY"));
        incident.put("causeFamily", "HACKING");
        incident.put("detectedAt", Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        incident.put("awareAt", Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        incident.put("systems", List.of(system));
        incident.put("dataCategories", List.of("CONTACT", "IDENTITY"));
        incident.put("encryption", "UNENCRYPTED");
        incident.put("exfiltration", "CONFIRMED");
        incident.put("content", Map.of("en", content("en"), "zh-CN", content("zh-CN")));
        return UUID.fromString(TestUsers.asAnalyst().contentType(ContentType.JSON).body(incident)
                .post("/api/incidents").then().statusCode(201).extract().path("id"));
    }

    static Map<String, Object> content(String locale) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("basicSituation", "A test system exposed records (" + locale + ").");
        c.put("possibleImpact", "Unwanted e-mail (" + locale + ").");
        c.put("measures", "We closed the gap (" + locale + ").");
        c.put("selfProtectionAdvice", "Watch for phishing (" + locale + ").");
        c.put("remedies", "Twelve months of monitoring (" + locale + ").");
        c.put("contactPoint", Map.of("name", "Privacy Office", "email", "privacy@example.org", "phone", "+1 202 555 0100"));
        return c;
    }

    String email(String local) {
        return local + "-" + tag + "@example.org";
    }

    /** +1 202 555 01xx: fictional numbers. */
    static String phone(int i) {
        return "+1202555" + String.format("%04d", 100 + (i % 100));
    }

    /** Adds a US subject with the given contact points ("" for none) and preference. */
    NoticeWorld subject(String ref, String email, String phone, String preference) {
        rows.add(String.join(",", source, ref, "Test Subject " + ref, "en-US", "US", "US-CA", "false", "1980", "false",
                email, phone, "", "", "", "", "", preference, "false"));
        return this;
    }

    NoticeWorld chineseSubject(String ref, String email) {
        rows.add(String.join(",", source, ref, "Test Subject " + ref, "zh-CN", "CN", "", "false", "1980", "false",
                email, "", "", "", "", "", "", "EMAIL", "false"));
        return this;
    }

    /** Imports the subjects and marks all of them affected by the incident (categories CONTACT). */
    NoticeWorld affected() {
        JsonPath result = Imports.importCsv("subjects", source, HEADER + "\n" + String.join("\n", rows) + "\n");
        if (result.getInt("rowsAccepted") != rows.size()) {
            throw new IllegalStateException("import refused rows: " + result.prettify());
        }
        Db.execute("""
                INSERT INTO affected_subject (incident_id, subject_id, categories)
                SELECT ?, id, ARRAY['CONTACT']::varchar(32)[] FROM data_subject WHERE source_system = ?""", incident, source);
        return this;
    }

    static IndividualNoticeTerms terms(String regime, Set<String> countries, List<String> channels, Instant due) {
        return new IndividualNoticeTerms(UUID.randomUUID(), regime, countries.iterator().next(), countries, Set.of(), due,
                "days after discovery", channels, List.of("nature_description", "likely_consequences_or_harm",
                        "contact_point_or_dpo"), List.of(), false, false, List.of(), "test rule");
    }

    String plan() {
        return TestUsers.asAnalyst().post("/api/incidents/" + incident + "/campaigns").then().log().ifValidationFails()
                .statusCode(201).extract().path("id");
    }

    static void approveAndStart(String campaign) {
        TestUsers.asOfficer().contentType(ContentType.JSON).body("{}").post("/api/campaigns/" + campaign + "/approve")
                .then().log().ifValidationFails().statusCode(200);
        TestUsers.asOfficer().post("/api/campaigns/" + campaign + "/start").then().log().ifValidationFails()
                .statusCode(200);
    }

    static JsonPath awaitStatus(String campaign, String status) {
        until("campaign " + campaign + " is " + status, () -> status.equals(
                Db.rows("SELECT status FROM notice_campaign WHERE id = ?::uuid", campaign).get(0).get("status")));
        return TestUsers.asAuditor().get("/api/campaigns/" + campaign).then().statusCode(200).extract().jsonPath();
    }

    /** Polls a condition every 50 ms and fails after a generous minute. */
    static void until(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        org.junit.jupiter.api.Assertions.fail("Timed out waiting until " + what);
    }

    static List<Map<String, Object>> attempts(String campaign) {
        return Db.rows("""
                SELECT a.* FROM notice_attempt a JOIN notice n ON n.id = a.notice_id
                 WHERE n.campaign_id = ?::uuid ORDER BY a.notice_id, a.attempt_no""", campaign);
    }

    static List<Map<String, Object>> notices(String campaign) {
        return Db.rows("SELECT * FROM notice WHERE campaign_id = ?::uuid ORDER BY id", campaign);
    }
}
