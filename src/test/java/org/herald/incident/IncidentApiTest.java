package org.herald.incident;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IncidentApiTest {

    @Test
    void aDraftNeedsOnlyATitleAndGetsMediumSeverityAndAReference() {
        String title = Incidents.uniqueTitle("Laptop left on a train");
        TestUsers.asAnalyst().contentType(ContentType.JSON).body(Map.of("title", title))
                .post("/api/incidents")
                .then().statusCode(201)
                .header("Location", containsString("/api/incidents/"))
                .header("ETag", equalTo("\"0\""))
                .body("title", equalTo(title))
                .body("severity", equalTo("MEDIUM"))
                .body("status", equalTo("DRAFT"))
                .body("reference", matchesPattern("INC-" + Year.now(ZoneOffset.UTC).getValue() + "-\\d{4}"))
                .body("requiredLocales", equalTo(List.of("en")))
                .body("nextStatuses", equalTo(List.of("ASSESSING")))
                .body("createdBy", equalTo("analyst"))
                .body("effectiveOrganisation.role", equalTo("CONTROLLER"));
    }

    @Test
    void everyFieldIsStoredAndShownAsSent() {
        Map<String, Object> body = Incidents.readyForAssessment(Incidents.uniqueTitle("Card data skimmed"));
        body.put("content", Map.of("en", Incidents.completeContent("en")));
        body.put("organisation", Map.of("role", "PROCESSOR", "establishmentCountries", List.of("DE", "FR"),
                "listedCompany", true));
        String id = Incidents.create(body);
        TestUsers.asAuditor().get("/api/incidents/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("occurredFrom", equalTo("2025-03"))
                .body("occurredFromPrecision", equalTo("MONTH"))
                .body("occurredTo", equalTo("2025-03-20"))
                .body("occurredToPrecision", equalTo("DAY"))
                .body("detectedAt", equalTo("2025-03-21T08:00:00Z"))
                .body("awareAt", equalTo("2025-03-21T10:30:00Z"))
                .body("systems", equalTo(List.of("billing", "crm")))
                .body("dataCategories", equalTo(List.of("CONTACT", "PAYMENT_CARD")))
                .body("encryption", equalTo("UNENCRYPTED"))
                .body("estimatedSubjects", equalTo(1200))
                .body("content.en.remedies", equalTo("Twelve months of credit monitoring (en)"))
                .body("content.en.contactPoint.email", equalTo("privacy@example.org"))
                .body("organisation.role", equalTo("PROCESSOR"))
                .body("organisation.hipaaCoveredEntity", nullValue())
                .body("effectiveOrganisation.role", equalTo("PROCESSOR"))
                .body("effectiveOrganisation.establishmentCountries", equalTo(List.of("DE", "FR")))
                .body("effectiveOrganisation.listedCompany", equalTo(true))
                .body("effectiveOrganisation.hipaaCoveredEntity", equalTo(false));
    }

    @Test
    void concurrentCreationsNeverShareAReference() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<String>> creations = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String title = Incidents.uniqueTitle("Parallel intake " + i);
                creations.add(() -> TestUsers.asAnalyst().contentType(ContentType.JSON).body(Map.of("title", title))
                        .post("/api/incidents").then().statusCode(201).extract().path("reference"));
            }
            Set<String> references = new HashSet<>();
            for (Future<String> f : pool.invokeAll(creations)) {
                references.add(f.get());
            }
            assertEquals(12, references.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMergePatchChangesOnlyWhatItNamesAndBumpsTheVersion() {
        Map<String, Object> body = Incidents.readyForAssessment(Incidents.uniqueTitle("Misdirected e-mail"));
        body.put("content", Map.of("en", Incidents.completeContent("en")));
        String id = Incidents.create(body);
        Incidents.patch(id, Map.of("severity", "CRITICAL",
                        "content", Map.of("en", Map.of("remedies", "Six months of identity monitoring"),
                                "zh-CN", Map.of("basicSituation", "情况说明")),
                        "estimatedSubjects", 1300))
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("version", equalTo(1))
                .body("severity", equalTo("CRITICAL"))
                .body("title", equalTo(body.get("title")))
                .body("content.en.remedies", equalTo("Six months of identity monitoring"))
                .body("content.en.basicSituation", equalTo("Situation in en"))
                .body("content.zh-CN.basicSituation", equalTo("情况说明"))
                .body("estimatedSubjects", equalTo(1300))
                .body("requiredLocales", equalTo(List.of("en", "zh-CN")));
        // null removes: the zh-CN draft goes, and the estimate is unknown again.
        Incidents.patch(id, java.util.Collections.singletonMap("estimatedSubjects", null))
                .statusCode(200).body("estimatedSubjects", nullValue());
    }

    @Test
    void aPatchThatChangesNothingKeepsTheVersion() {
        String id = Incidents.create(Incidents.aDraftTitled(Incidents.uniqueTitle("No change")));
        Incidents.patch(id, Map.of("severity", "MEDIUM")).statusCode(200).header("ETag", equalTo("\"0\""));
    }

    @Test
    void editsRequireIfMatch() {
        String id = Incidents.create(Incidents.aDraftTitled(Incidents.uniqueTitle("No precondition")));
        TestUsers.asAnalyst().contentType("application/merge-patch+json").body(Map.of("severity", "LOW"))
                .patch("/api/incidents/" + id)
                .then().statusCode(428)
                .contentType("application/problem+json")
                .body("type", containsString("precondition-required"))
                .body("errors[0].field", equalTo("If-Match"));
    }

    @Test
    void aStaleIfMatchIsRefusedNamingTheCurrentVersion() {
        String id = Incidents.create(Incidents.aDraftTitled(Incidents.uniqueTitle("Two analysts")));
        String readByBoth = Incidents.etagOf(id);
        Incidents.patchAs(TestUsers.asAnalyst(), id, readByBoth, Map.of("severity", "HIGH")).statusCode(200);
        Incidents.patchAs(TestUsers.asSecondAnalyst(), id, readByBoth, Map.of("severity", "LOW"))
                .statusCode(412)
                .contentType("application/problem+json")
                .body("detail", containsString("version 1"))
                .body("errors[0].field", equalTo("If-Match"))
                .body("errors[0].message", containsString("\"1\""));
        TestUsers.asAnalyst().get("/api/incidents/" + id).then().body("severity", equalTo("HIGH"));
    }

    @Test
    void concurrentEditsWithTheSameVersionLetExactlyOneWin() throws Exception {
        String id = Incidents.create(Incidents.aDraftTitled(Incidents.uniqueTitle("Race")));
        String etag = Incidents.etagOf(id);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> edits = new java.util.ArrayList<>();
            for (String severity : List.of("LOW", "HIGH", "CRITICAL", "LOW")) {
                edits.add(() -> TestUsers.asAnalyst().contentType("application/merge-patch+json")
                        .header("If-Match", etag).body(Map.of("severity", severity, "title", "Race " + severity))
                        .patch("/api/incidents/" + id).then().extract().statusCode());
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(edits)) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theListFiltersByStatusSeverityTextAndDate() {
        String marker = Incidents.uniqueTitle("Filterable");
        String critical = Incidents.create(Map.of("title", marker + " critical", "severity", "CRITICAL",
                "detectedAt", "2025-02-10T00:00:00Z"));
        Incidents.create(Map.of("title", marker + " low", "severity", "LOW"));
        TestUsers.asAuditor().queryParam("q", marker.toUpperCase()).get("/api/incidents")
                .then().statusCode(200).body("total", equalTo(2)).body("items", hasSize(2));
        TestUsers.asAuditor().queryParam("q", marker).queryParam("severity", "CRITICAL").get("/api/incidents")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(critical));
        TestUsers.asAuditor().queryParam("q", marker).queryParam("from", "2025-02-01").queryParam("to", "2025-02-10")
                .get("/api/incidents")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(critical));
        TestUsers.asAuditor().queryParam("q", marker).queryParam("status", "ASSESSING").get("/api/incidents")
                .then().statusCode(200).body("total", equalTo(0));
        TestUsers.asAuditor().queryParam("q", marker).queryParam("size", 1).queryParam("page", 1).get("/api/incidents")
                .then().statusCode(200).body("total", equalTo(2)).body("items", hasSize(1)).body("page", equalTo(1));
        TestUsers.asAuditor().queryParam("q", "100%_").get("/api/incidents")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void badListFiltersNameTheParameter() {
        TestUsers.asAuditor().queryParam("status", "OPEN").queryParam("from", "yesterday").get("/api/incidents")
                .then().statusCode(400)
                .body("errors.field", equalTo(List.of("status", "from")));
    }

    @Test
    void hostileInputIsStoredAsTextAndServedAsJson() {
        String hostile = "<script>alert(1)</script> & \"quotes\"";
        String id = Incidents.create(Map.of("title", hostile,
                "content", Map.of("en", Map.of("basicSituation", "<img src=x onerror=alert(2)>"))));
        String raw = TestUsers.asAnalyst().get("/api/incidents/" + id)
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("title", equalTo(hostile))
                .body("content.en.basicSituation", equalTo("<img src=x onerror=alert(2)>"))
                .extract().asString();
        assertNotEquals(-1, raw.indexOf("\\\"quotes\\\""), "quotes are JSON-escaped");
    }

    @Test
    void unknownIncidentsAre404() {
        TestUsers.asAnalyst().get("/api/incidents/" + java.util.UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aNotModifiedAnswerSavesRereadingAnUnchangedIncident() {
        String id = Incidents.create(Incidents.aDraftTitled(Incidents.uniqueTitle("Cached")));
        TestUsers.asAnalyst().header("If-None-Match", "\"0\"").get("/api/incidents/" + id).then().statusCode(304);
    }

    @Test
    void oversizedBodiesAreRefusedWith413() {
        String huge = "x".repeat(3 * 1024 * 1024);
        TestUsers.asAnalyst().contentType(ContentType.JSON).body("{\"title\":\"" + huge + "\"}")
                .post("/api/incidents")
                .then().statusCode(413);
    }

    @Test
    void theTimelineStartsWithTheCreation() {
        String id = Incidents.create(Incidents.aDraftTitled(Incidents.uniqueTitle("Timeline")));
        TestUsers.asAuditor().get("/api/incidents/" + id + "/timeline")
                .then().statusCode(200)
                .body("[0].kind", equalTo("audit"))
                .body("[0].action", equalTo("created"))
                .body("[0].text", startsWith("Recorded INC-"))
                .body("[0].auditSeq", notNullValue())
                .body("action", hasItem("created"));
    }
}
