package org.herald.rules.obligation;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.herald.subject.Db;
import org.herald.testing.TestUsers;

/**
 * Fixtures for obligation tests: an incident recorded through the API, and an affected set written
 * straight into the tables (hundreds of fictitious subjects in one statement, no personal data:
 * subjects have only a country, a region and an external reference).
 */
final class Affected {

    private Affected() {
    }

    /** A hacking breach of contact and government-id data, unencrypted, aware on 2 March 2026. */
    static UUID anIncident(String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title + " " + UUID.randomUUID().toString().substring(0, 8));
        body.put("severity", "HIGH");
        body.put("breachTypes", List.of("CONFIDENTIALITY"));
        body.put("causeFamily", "HACKING");
        body.put("detectedAt", "2026-03-02T08:00:00Z");
        body.put("awareAt", "2026-03-02T10:30:00Z");
        body.put("systems", List.of("crm"));
        body.put("dataCategories", List.of("CONTACT", "GOVERNMENT_ID"));
        body.put("encryption", "UNENCRYPTED");
        body.put("exfiltration", "CONFIRMED");
        String id = TestUsers.asAnalyst().contentType(ContentType.JSON).body(body).post("/api/incidents")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    /** Adds {@code n} fictitious subjects living in {@code country}/{@code region} to the incident's affected set. */
    static void residents(UUID incident, String country, String region, int n) {
        String source = "obligation-test-" + UUID.randomUUID().toString().substring(0, 8);
        Db.execute("""
                INSERT INTO data_subject (source_system, external_ref, country, region, content_hash, created_at, updated_at)
                SELECT ?, 'S-' || g, ?, ?, '\\x00'::bytea, now(), now() FROM generate_series(1, ?) g""",
                source, country, region, n);
        Db.execute("""
                INSERT INTO affected_subject (incident_id, subject_id, categories)
                SELECT ?, id, ARRAY['CONTACT','GOVERNMENT_ID']::varchar(32)[] FROM data_subject WHERE source_system = ?""",
                incident, source);
        Db.execute("""
                INSERT INTO incident_scope (incident_id, method, affected_count, defined_by, defined_at)
                VALUES (?, 'LIST', ?, 'test', now())
                ON CONFLICT (incident_id) DO UPDATE SET affected_count = incident_scope.affected_count + EXCLUDED.affected_count""",
                incident, n);
    }

    static void patch(UUID incident, Map<String, Object> patch) {
        String etag = TestUsers.asAnalyst().get("/api/incidents/" + incident).then().statusCode(200).extract().header("ETag");
        TestUsers.asAnalyst().contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", etag)
                .body(patch).patch("/api/incidents/" + incident).then().statusCode(200);
    }

    static io.restassured.response.ValidatableResponse assess(UUID incident, Map<String, Object> judgement) {
        return TestUsers.asOfficer().contentType(ContentType.JSON).body(judgement)
                .post("/api/incidents/" + incident + "/assessment").then().log().ifValidationFails();
    }

    static io.restassured.specification.RequestSpecification anonymous() {
        return given();
    }
}
