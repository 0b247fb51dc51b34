package org.herald.incident;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IncidentLifecycleApiTest {

    @Test
    void aDraftWithoutFactsCannotBeAssessedAndEveryMissingFactIsNamed() {
        String id = Incidents.create(Incidents.aDraftTitled(Incidents.uniqueTitle("Barely known")));
        Incidents.transition(TestUsers.asAnalyst(), id, "ASSESSING")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("transition-refused"))
                .body("errors.field", containsInAnyOrder("occurredFrom", "detectedAt", "awareAt", "systems",
                        "dataCategories", "encryption"));
        TestUsers.asAnalyst().get("/api/incidents/" + id).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void eachMissingFactAloneBlocksTheAssessment() {
        for (String fact : List.of("occurredFrom", "detectedAt", "awareAt", "systems", "dataCategories", "encryption")) {
            Map<String, Object> body = Incidents.readyForAssessment(Incidents.uniqueTitle("Missing " + fact));
            body.remove(fact);
            if (fact.equals("occurredFrom")) {
                body.remove("occurredTo");
            }
            String id = Incidents.create(body);
            Incidents.transition(TestUsers.asAnalyst(), id, "ASSESSING")
                    .statusCode(409)
                    .body("errors.field", equalTo(List.of(fact)));
        }
    }

    @Test
    void theWholeLifecycleIsAuditedMoveByMove() {
        String id = Incidents.create(withContent(Incidents.readyForAssessment(Incidents.uniqueTitle("Full story")), "en"));
        Incidents.transition(TestUsers.asAnalyst(), id, "ASSESSING")
                .statusCode(200).header("ETag", equalTo("\"1\"")).body("status", equalTo("ASSESSING"));
        Incidents.transition(TestUsers.asAnalyst(), id, "NOTIFYING").statusCode(200).body("status", equalTo("NOTIFYING"));
        Incidents.transition(TestUsers.asOfficer(), id, "MONITORING").statusCode(200).body("status", equalTo("MONITORING"));
        Incidents.transition(TestUsers.asOfficer(), id, "CLOSED").statusCode(200)
                .body("status", equalTo("CLOSED")).body("nextStatuses", equalTo(List.of("ASSESSING")));
        TestUsers.asAuditor().get("/api/incidents/" + id + "/timeline")
                .then().statusCode(200)
                .body("findAll { it.action == 'status-changed' }.details.to",
                        equalTo(List.of("ASSESSING", "NOTIFYING", "MONITORING", "CLOSED")))
                .body("findAll { it.action == 'status-changed' }.actor",
                        equalTo(List.of("analyst", "analyst", "officer", "officer")));
    }

    @Test
    void notifyingNeedsAllSixElementsInEveryLocaleThatHasContent() {
        Map<String, Object> body = withContent(Incidents.readyForAssessment(Incidents.uniqueTitle("Half translated")), "en");
        String id = Incidents.create(body);
        Incidents.transition(TestUsers.asAnalyst(), id, "ASSESSING").statusCode(200);
        Incidents.patch(id, Map.of("content", Map.of("zh-CN", Map.of("basicSituation", "基本情况"))))
                .statusCode(200);
        Incidents.transition(TestUsers.asAnalyst(), id, "NOTIFYING")
                .statusCode(409)
                .body("errors.field", containsInAnyOrder("content.zh-CN.possibleImpact", "content.zh-CN.measures",
                        "content.zh-CN.selfProtectionAdvice", "content.zh-CN.remedies", "content.zh-CN.contactPoint"));
        Incidents.patch(id, Map.of("content", Map.of("zh-CN", Incidents.completeContent("zh-CN")))).statusCode(200);
        Incidents.transition(TestUsers.asAnalyst(), id, "NOTIFYING").statusCode(200);
    }

    @Test
    void notifyingNeedsEnglishEvenWithoutAnyContent() {
        String id = Incidents.create(Incidents.readyForAssessment(Incidents.uniqueTitle("No words yet")));
        Incidents.transition(TestUsers.asAnalyst(), id, "ASSESSING").statusCode(200);
        Incidents.transition(TestUsers.asAnalyst(), id, "NOTIFYING")
                .statusCode(409).body("errors.field", equalTo(List.of("content.en")));
    }

    @Test
    void aContactPointNeedsANameAndAWayToReachIt() {
        Map<String, Object> en = Incidents.completeContent("en");
        en.put("contactPoint", Map.of("name", "Privacy Office"));
        Map<String, Object> body = Incidents.readyForAssessment(Incidents.uniqueTitle("Unreachable office"));
        body.put("content", Map.of("en", en));
        String id = Incidents.create(body);
        Incidents.transition(TestUsers.asAnalyst(), id, "ASSESSING").statusCode(200);
        Incidents.transition(TestUsers.asAnalyst(), id, "NOTIFYING")
                .statusCode(409).body("errors.field", equalTo(List.of("content.en.contactPoint")));
    }

    @Test
    void localesContributedByALaterFeatureAreRequired() {
        String id = Incidents.create(withContent(Incidents.readyForAssessment(Incidents.uniqueTitle("Subjects in Japan")), "en"));
        GuardsForTests.SubjectLocales.NEEDED.put(UUID.fromString(id), Set.of("en", "ja"));
        try {
            TestUsers.asAnalyst().get("/api/incidents/" + id).then().body("requiredLocales", equalTo(List.of("en", "ja")))
                    .body("missingContent.ja.size()", equalTo(6));
            Incidents.transition(TestUsers.asAnalyst(), id, "ASSESSING").statusCode(200);
            Incidents.transition(TestUsers.asAnalyst(), id, "NOTIFYING")
                    .statusCode(409).body("errors.field", equalTo(List.of("content.ja")));
        } finally {
            GuardsForTests.SubjectLocales.NEEDED.remove(UUID.fromString(id));
        }
    }

    @Test
    void aContributedGuardCanRefuseClosingAndIsAskedOnEveryMove() {
        String id = closeable("Obligations open");
        GuardsForTests.OpenObligations.WITH_OPEN_OBLIGATIONS.add(UUID.fromString(id));
        try {
            Incidents.transition(TestUsers.asOfficer(), id, "CLOSED")
                    .statusCode(409)
                    .body("errors.field", equalTo(List.of("obligations[0]")))
                    .body("errors[0].message", containsString("still open"));
        } finally {
            GuardsForTests.OpenObligations.WITH_OPEN_OBLIGATIONS.remove(UUID.fromString(id));
        }
        Incidents.transition(TestUsers.asOfficer(), id, "CLOSED").statusCode(200);
        assertTrue(GuardsForTests.OpenObligations.ASKED.containsAll(
                List.of(id + "→ASSESSING", id + "→NOTIFYING", id + "→MONITORING", id + "→CLOSED")));
    }

    @Test
    void builtInAndContributedRefusalsAreReportedTogether() {
        String id = Incidents.create(Incidents.aDraftTitled(Incidents.uniqueTitle("Everything missing")));
        Incidents.transition(TestUsers.asAnalyst(), id, "ASSESSING").statusCode(409)
                .body("errors.size()", equalTo(6));
    }

    @Test
    void movesOutsideTheLifecycleAreRefused() {
        String id = Incidents.create(Incidents.aDraftTitled(Incidents.uniqueTitle("Skipping ahead")));
        Incidents.transition(TestUsers.asOfficer(), id, "CLOSED")
                .statusCode(409)
                .body("type", containsString("transition-not-allowed"))
                .body("errors[0].field", equalTo("to"))
                .body("errors[0].message", containsString("ASSESSING"));
        Incidents.transition(TestUsers.asOfficer(), id, "DRAFT").statusCode(409);
        Incidents.transition(TestUsers.asOfficer(), id, "PUBLISHED")
                .statusCode(400).body("errors[0].field", equalTo("to"));
    }

    @Test
    void analystsCannotMovePastNotifying() {
        String id = notifying("Analyst stops at notifying");
        Incidents.transition(TestUsers.asAnalyst(), id, "MONITORING")
                .statusCode(403).body("detail", containsString("PRIVACY_OFFICER"));
    }

    @Test
    void reopeningNeedsAReasonAndIsAudited() {
        String id = closeable("Reopened");
        Incidents.transition(TestUsers.asOfficer(), id, "ASSESSING")
                .statusCode(400).body("errors[0].field", equalTo("reason"));
        Incidents.transition(TestUsers.asOfficer(), id, "ASSESSING", "   ")
                .statusCode(400).body("errors[0].field", equalTo("reason"));
        Incidents.transition(TestUsers.asOfficer(), id, "ASSESSING", "A second exfiltration path was found")
                .statusCode(200).body("status", equalTo("ASSESSING"));
        TestUsers.asAuditor().get("/api/incidents/" + id + "/timeline")
                .then().body("action", hasItem("reopened"))
                .body("find { it.action == 'reopened' }.details.reason", equalTo("A second exfiltration path was found"))
                .body("find { it.action == 'reopened' }.details.from", equalTo("MONITORING"));
    }

    @Test
    void aClosedIncidentIsReadOnlyUntilReopened() {
        String id = closeable("Closed for good");
        Incidents.transition(TestUsers.asOfficer(), id, "CLOSED").statusCode(200);
        Incidents.patch(id, Map.of("severity", "LOW"))
                .statusCode(409).body("type", containsString("incident-closed"));
        Incidents.transition(TestUsers.asOfficer(), id, "ASSESSING", "The regulator asked for more detail")
                .statusCode(200);
        Incidents.patch(id, Map.of("severity", "LOW")).statusCode(200);
    }

    @Test
    void aTransitionWithAStaleIfMatchIsRefused() {
        String id = Incidents.create(Incidents.readyForAssessment(Incidents.uniqueTitle("Stale move")));
        Incidents.patch(id, Map.of("severity", "LOW")).statusCode(200);
        TestUsers.asAnalyst().contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("to", "ASSESSING")).post("/api/incidents/" + id + "/transitions")
                .then().statusCode(412);
    }

    @Test
    void notesJoinTheTimelineAtTheTimeTheyDescribe() {
        String id = Incidents.create(Incidents.aDraftTitled(Incidents.uniqueTitle("Noted")));
        TestUsers.asAnalyst().contentType("application/json")
                .body(Map.of("text", "Firewall logs show the first connection", "occurredAt", "2025-03-01T02:00:00Z"))
                .post("/api/incidents/" + id + "/notes")
                .then().statusCode(201).body("actor", equalTo("analyst"));
        TestUsers.asOfficer().contentType("application/json").body(Map.of("text", "Called the hosting provider"))
                .post("/api/incidents/" + id + "/notes").then().statusCode(201);
        TestUsers.asAuditor().get("/api/incidents/" + id + "/notes").then().statusCode(200)
                .body("text", equalTo(List.of("Firewall logs show the first connection", "Called the hosting provider")));
        TestUsers.asAuditor().get("/api/incidents/" + id + "/timeline").then().statusCode(200)
                .body("[0].kind", equalTo("note"))
                .body("[0].text", equalTo("Firewall logs show the first connection"))
                .body("[1].action", equalTo("created"))
                .body("action", hasItems("note-added", "note"));
    }

    @Test
    void notesAreValidated() {
        String id = Incidents.create(Incidents.aDraftTitled(Incidents.uniqueTitle("Bad notes")));
        TestUsers.asAnalyst().contentType("application/json").body(Map.of("text", " "))
                .post("/api/incidents/" + id + "/notes").then().statusCode(400).body("errors[0].field", equalTo("text"));
        TestUsers.asAnalyst().contentType("application/json").body(Map.of("text", "x".repeat(20_001)))
                .post("/api/incidents/" + id + "/notes").then().statusCode(400).body("errors[0].field", equalTo("text"));
        TestUsers.asAnalyst().contentType("application/json").body(Map.of("text", "Later", "occurredAt", "2999-01-01T00:00:00Z"))
                .post("/api/incidents/" + id + "/notes").then().statusCode(400).body("errors[0].field", equalTo("occurredAt"));
    }

    private static Map<String, Object> withContent(Map<String, Object> body, String locale) {
        body.put("content", Map.of(locale, Incidents.completeContent(locale)));
        return body;
    }

    private static String notifying(String title) {
        String id = Incidents.create(withContent(Incidents.readyForAssessment(Incidents.uniqueTitle(title)), "en"));
        Incidents.transition(TestUsers.asAnalyst(), id, "ASSESSING").statusCode(200);
        Incidents.transition(TestUsers.asAnalyst(), id, "NOTIFYING").statusCode(200);
        return id;
    }

    /** An incident in MONITORING. */
    private static String closeable(String title) {
        String id = notifying(title);
        Incidents.transition(TestUsers.asOfficer(), id, "MONITORING").statusCode(200);
        return id;
    }
}
