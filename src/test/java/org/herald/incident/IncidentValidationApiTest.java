package org.herald.incident;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way an incident can be refused at intake or edit, each naming the field that is wrong. */
@QuarkusTest
class IncidentValidationApiTest {

    private static ValidatableResponse create(Object body) {
        return TestUsers.asAnalyst().contentType(ContentType.JSON).body(body).post("/api/incidents")
                .then().log().ifValidationFails();
    }

    private static ValidatableResponse refusedOn(Object body, String field) {
        return create(body).statusCode(400)
                .contentType("application/problem+json")
                .body("type", containsString("validation"))
                .body("errors.field", hasItem(field));
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = new HashMap<>(Incidents.aDraftTitled(Incidents.uniqueTitle("Invalid " + field)));
        body.put(field, value);
        return body;
    }

    @Test
    void aTitleIsRequired() {
        refusedOn(Map.of("severity", "LOW"), "title");
        refusedOn(Map.of("title", "   "), "title");
    }

    @Test
    void aTitleHasALimit() {
        refusedOn(Map.of("title", "t".repeat(301)), "title");
        create(Map.of("title", "t".repeat(300))).statusCode(201);
    }

    @Test
    void textFieldsHoldAtMost20000Characters() {
        String tooLong = "x".repeat(20_001);
        refusedOn(with("discoveryNotes", tooLong), "discoveryNotes")
                .body("errors.find { it.field == 'discoveryNotes' }.message", containsString("20000"));
        for (String element : List.of("basicSituation", "possibleImpact", "measures", "selfProtectionAdvice", "remedies")) {
            refusedOn(with("content", Map.of("zh-CN", Map.of(element, tooLong))), "content.zh-CN." + element);
        }
        create(with("discoveryNotes", "x".repeat(20_000))).statusCode(201);
    }

    @Test
    void theContactPointIsChecked() {
        refusedOn(with("content", Map.of("en", Map.of("contactPoint", Map.of("email", "not-an-address")))),
                "content.en.contactPoint.email");
        refusedOn(with("content", Map.of("en", Map.of("contactPoint", Map.of("phone", "call us")))),
                "content.en.contactPoint.phone");
        refusedOn(with("content", Map.of("en", Map.of("contactPoint", Map.of("name", "n".repeat(201))))),
                "content.en.contactPoint.name");
    }

    @ParameterizedTest
    @CsvSource({"zh-cn, zh-CN", "english, ", "en_US, ", "'', "})
    void localesMustBeCanonicalBcp47Tags(String tag, String suggestion) {
        ValidatableResponse r = refusedOn(with("content", Map.of(tag, Map.of("basicSituation", "text"))), "content." + tag);
        if (suggestion != null) {
            r.body("errors.find { it.field == 'content." + tag + "' }.message", containsString(suggestion));
        }
    }

    @Test
    void moreLocalesThanEnglishAndChineseAreWelcome() {
        create(with("content", Map.of("pt-BR", Map.of("basicSituation", "Situação"),
                "de", Map.of("basicSituation", "Lage")))).statusCode(201)
                .body("requiredLocales", equalTo(List.of("de", "en", "pt-BR")));
    }

    @Test
    void enumsNameTheirAllowedValues() {
        refusedOn(with("severity", "APOCALYPTIC"), "severity")
                .body("errors[0].message", containsString("CRITICAL"));
        refusedOn(with("causeFamily", "aliens"), "causeFamily");
        refusedOn(with("discoveryMethod", "psychic"), "discoveryMethod");
        refusedOn(with("encryption", "ROT13"), "encryption");
        refusedOn(with("exfiltration", "maybe"), "exfiltration");
        refusedOn(with("breachTypes", List.of("CONFIDENTIALITY", "SECRECY")), "breachTypes[1]");
        refusedOn(with("dataCategories", List.of("SHOE_SIZE")), "dataCategories[0]");
        refusedOn(with("organisation", Map.of("role", "owner")), "organisation.role");
    }

    @Test
    void unknownAndReadOnlyFieldsAreRefusedByName() {
        refusedOn(with("colour", "red"), "colour");
        refusedOn(with("status", "CLOSED"), "status")
                .body("errors[0].message", containsString("transitions"));
        refusedOn(with("reference", "INC-1999-0001"), "reference")
                .body("errors[0].message", containsString("read-only"));
    }

    @Test
    void timesMustBeReadable() {
        refusedOn(with("detectedAt", "yesterday"), "detectedAt")
                .body("errors[0].message", containsString("2026-03-14T09:30:00Z"));
        refusedOn(with("detectedAt", "2025-03-01T10:00:00"), "detectedAt");
        refusedOn(with("occurredFrom", "March 2025"), "occurredFrom")
                .body("errors[0].message", containsString("2026-03"));
        refusedOn(with("occurredFrom", "2025-13"), "occurredFrom");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "occurredTo before occurredFrom, occurredFrom, 2025-03-10, occurredTo, 2025-03-09, occurredTo",
            "detected before it started, occurredFrom, 2025-03, detectedAt, 2025-02-28T23:59:00Z, detectedAt",
            "aware before detected, detectedAt, 2025-03-21T08:00:00Z, awareAt, 2025-03-21T07:59:00Z, awareAt",
            "contained before it started, occurredFrom, 2025-03-10, containedAt, 2025-03-09T12:00:00Z, containedAt",
            "contained before it ended, occurredTo, 2025-03-20, containedAt, 2025-03-19T12:00:00Z, containedAt",
            "aware before it started, occurredFrom, 2025-03-10, awareAt, 2025-03-09T12:00:00Z, awareAt"})
    void timesOutOfOrderNameTheLaterField(String story, String earlierField, String earlier, String laterField,
            String later, String wrong) {
        Map<String, Object> body = with(earlierField, earlier);
        body.put(laterField, later);
        refusedOn(body, wrong).body("errors.size()", equalTo(1));
    }

    @Test
    void impreciseTimesOnlyContradictWhenNoInstantFits() {
        Map<String, Object> body = with("occurredFrom", "2025-03");
        body.put("occurredTo", "2025-03");
        body.put("detectedAt", "2025-03-01T00:00:00Z");
        body.put("awareAt", "2025-03-01T00:00:00Z");
        body.put("containedAt", "2025-03-01T06:00:00Z");
        create(body).statusCode(201);
    }

    @Test
    void anIncidentMayGoOnAfterItWasDetected() {
        Map<String, Object> body = with("occurredFrom", "2025-03-01");
        body.put("detectedAt", "2025-03-05T00:00:00Z");
        body.put("occurredTo", "2025-03-09");
        body.put("containedAt", "2025-03-09T18:00:00Z");
        create(body).statusCode(201);
    }

    @Test
    void timesInTheFutureAreRefused() {
        refusedOn(with("detectedAt", "2999-01-01T00:00:00Z"), "detectedAt")
                .body("errors[0].message", containsString("future"));
        refusedOn(with("occurredFrom", "2999"), "occurredFrom");
    }

    @Test
    void everyWrongFieldIsReportedAtOnce() {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "");
        body.put("estimatedSubjects", -1);
        body.put("systems", List.of(""));
        body.put("detectedAt", "2025-03-02T00:00:00Z");
        body.put("awareAt", "2025-03-01T00:00:00Z");
        body.put("organisation", Map.of("establishmentCountries", List.of("XX")));
        create(body).statusCode(400)
                .body("errors.field", equalTo(List.of("awareAt", "estimatedSubjects",
                        "organisation.establishmentCountries[0]", "systems[0]", "title")));
    }

    @Test
    void aWrongJsonTypeIsNamed() {
        refusedOn(with("systems", "crm"), "systems");
        refusedOn(with("estimatedRecords", "lots"), "estimatedRecords")
                .body("errors[0].message", containsString("whole number"));
        create("[1,2]").statusCode(400);
        create("{\"title\": ").statusCode(400);
    }

    @Test
    void aPatchIsValidatedLikeACreation() {
        String id = Incidents.create(Incidents.aDraftTitled(Incidents.uniqueTitle("Patched badly")));
        Incidents.patch(id, Map.of("detectedAt", "2025-03-02T00:00:00Z", "awareAt", "2025-03-01T00:00:00Z"))
                .statusCode(400).body("errors.field", equalTo(List.of("awareAt")));
        Incidents.patch(id, java.util.Collections.singletonMap("title", null))
                .statusCode(400).body("errors.field", equalTo(List.of("title")));
        Incidents.patch(id, java.util.Collections.singletonMap("severity", null))
                .statusCode(400).body("errors.field", equalTo(List.of("severity")));
        Incidents.patch(id, Map.of("status", "CLOSED")).statusCode(400);
        Incidents.patch(id, List.of("not", "an", "object")).statusCode(400);
        TestUsers.asAnalyst().get("/api/incidents/" + id).then().header("ETag", equalTo("\"0\""));
    }

    @Test
    void aMalformedIfMatchIsNamed() {
        String id = Incidents.create(Incidents.aDraftTitled(Incidents.uniqueTitle("Bad etag")));
        Incidents.patchAs(TestUsers.asAnalyst(), id, "\"v-zero\"", Map.of("severity", "LOW"))
                .statusCode(400).body("errors[0].field", equalTo("If-Match"));
        Incidents.patchAs(TestUsers.asAnalyst(), id, "*", Map.of("severity", "LOW"))
                .statusCode(400).body("errors[0].field", equalTo("If-Match"));
        Incidents.patchAs(TestUsers.asAnalyst(), id, "W/\"0\"", Map.of("severity", "LOW")).statusCode(200);
    }
}
