package org.herald.incident;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.herald.testing.TestUsers;

/** Incident fixtures for API tests, written as the analyst would describe them. No real people. */
public final class Incidents {

    private Incidents() {
    }

    /** A new draft incident, for tests of the features that hang off an incident. */
    public static UUID aDraftIncident() {
        return UUID.fromString(create(aDraftTitled(uniqueTitle("Draft incident"))));
    }

    static String uniqueTitle(String what) {
        return what + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The body of a draft with only a title. */
    static Map<String, Object> aDraftTitled(String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        return body;
    }

    /** A draft with the times and exposure an assessment needs. */
    static Map<String, Object> readyForAssessment(String title) {
        Map<String, Object> body = aDraftTitled(title);
        body.put("severity", "HIGH");
        body.put("breachTypes", List.of("CONFIDENTIALITY"));
        body.put("causeFamily", "HACKING");
        body.put("occurredFrom", "2025-03");
        body.put("occurredTo", "2025-03-20");
        body.put("detectedAt", "2025-03-21T08:00:00Z");
        body.put("awareAt", "2025-03-21T10:30:00Z");
        body.put("systems", List.of("crm", "billing"));
        body.put("dataCategories", List.of("CONTACT", "PAYMENT_CARD"));
        body.put("encryption", "UNENCRYPTED");
        body.put("exfiltration", "POSSIBLE");
        body.put("estimatedSubjects", 1200);
        return body;
    }

    /** All six content elements in one locale. */
    static Map<String, Object> completeContent(String locale) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("basicSituation", "Situation in " + locale);
        c.put("possibleImpact", "Impact in " + locale);
        c.put("measures", "Measures in " + locale);
        c.put("selfProtectionAdvice", "Advice in " + locale);
        c.put("remedies", "Twelve months of credit monitoring (" + locale + ")");
        c.put("contactPoint", Map.of("name", "Privacy Office", "email", "privacy@example.org",
                "phone", "+1 555 0100", "address", "1 Example Street, Exampletown"));
        return c;
    }

    static String create(Map<String, Object> body) {
        return TestUsers.asAnalyst().contentType(ContentType.JSON).body(body)
                .post("/api/incidents")
                .then().statusCode(201)
                .extract().path("id");
    }

    static String etagOf(String id) {
        return TestUsers.asAnalyst().get("/api/incidents/" + id).then().statusCode(200).extract().header("ETag");
    }

    static ValidatableResponse patch(String id, Object patch) {
        return patchAs(TestUsers.asAnalyst(), id, etagOf(id), patch);
    }

    static ValidatableResponse patchAs(RequestSpecification who, String id, String etag, Object patch) {
        return who.contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", etag).body(patch)
                .patch("/api/incidents/" + id).then().log().ifValidationFails();
    }

    static ValidatableResponse transition(RequestSpecification who, String id, String to) {
        return transition(who, id, to, null);
    }

    static ValidatableResponse transition(RequestSpecification who, String id, String to, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", to);
        if (reason != null) {
            body.put("reason", reason);
        }
        return who.contentType(ContentType.JSON).body(body).post("/api/incidents/" + id + "/transitions").then();
    }

    static RequestSpecification anonymous() {
        return given();
    }
}
