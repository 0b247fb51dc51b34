package org.herald.rules.obligation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.herald.rules.IndividualNoticeTerms;
import org.herald.rules.ObligationKind;
import org.herald.rules.ObligationStatus;
import org.herald.rules.ObligationView;
import org.herald.rules.Obligations;
import org.herald.rules.SubstituteNoticeTerms;
import org.herald.subject.Db;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.Test;

/** Assessment over the API against real PostgreSQL: obligations with reasons, idempotent re-runs, history, settling. */
@QuarkusTest
class ObligationApiTest {

    static final String CA = "US-CA/CIV-1798.82";
    static final String GDPR = "EU/GDPR-33-34";

    @Inject
    Obligations obligations;

    private static JsonPath obligationsOf(UUID incident) {
        return TestUsers.asAuditor().get("/api/incidents/" + incident + "/obligations").then().statusCode(200)
                .extract().jsonPath();
    }

    private static String idOf(JsonPath list, String regime, String kind) {
        return list.getString("find { it.regimeId == '" + regime + "' && it.kind == '" + kind + "' }.id");
    }

    @Test
    void assessmentFindsObligationsWithTheirReasonsAndNumbers() {
        UUID incident = Affected.anIncident("Assessed breach");
        Affected.residents(incident, "US", "US-CA", 612);
        Affected.residents(incident, "DE", null, 3);

        JsonPath run = Affected.assess(incident, Map.of("riskLevel", "high")).statusCode(200).extract().jsonPath();
        assertEquals(1, run.getInt("runNo"));
        assertEquals(5, run.getInt("created"), run.prettify());
        assertEquals("applies", run.getString("regimes.find { it.regimeId == '" + CA + "' }.outcome"));
        assertEquals("not_applicable", run.getString("regimes.find { it.regimeId == 'US/HIPAA-BNR' }.outcome"));

        JsonPath list = obligationsOf(incident);
        assertEquals(5, list.getList("$").size());
        // Most urgent first: the GDPR 72 hours come before California's 30 days; no fixed time last.
        assertEquals("AUTHORITY_NOTICE", list.getString("[0].kind"));
        assertEquals("2026-03-05T10:30:00Z", list.getString("[0].dueAt"));
        assertEquals("LATE", list.getString("[0].status"), "the clock of the test world ran out long ago");
        String ag = list.getString("find { it.recipient == 'CA_AG' }.reason");
        assertTrue(ag.contains("612 affected subjects in US-CA > 500"), ag);
        assertEquals(612, list.getInt("find { it.regimeId == '" + CA + "' && it.kind == 'INDIVIDUAL_NOTICE' }.subjectsCovered"));
        assertEquals(List.of("Cal. Civ. Code §1798.82"), list.getList("find { it.recipient == 'CA_AG' }.citations"));

        assertEquals(1, Db.count("SELECT count(*) FROM audit_entry WHERE entity_id = ? AND action = 'obligations-assessed'",
                incident.toString()));
    }

    @Test
    void reassessmentOnTheSameFactsChangesNothingAndNeverDuplicates() {
        UUID incident = Affected.anIncident("Idempotent");
        Affected.residents(incident, "US", "US-CA", 20);
        // Two obligations: the individual notice, and substitute notice (the fixture subjects have no contact point).
        Affected.assess(incident, Map.of()).statusCode(200).body("created", equalTo(2));
        JsonPath second = Affected.assess(incident, Map.of()).statusCode(200).extract().jsonPath();
        assertEquals(0, second.getInt("created"));
        assertEquals(0, second.getInt("updated"));
        assertEquals(2, second.getInt("unchanged"));
        assertEquals(2, second.getInt("runNo"));
        assertEquals(2, Db.count("SELECT count(*) FROM obligation WHERE incident_id = ?", incident));
        assertEquals(2, Db.count("SELECT count(*) FROM rule_assessment WHERE incident_id = ?", incident));
        assertEquals(2, Db.count("SELECT count(*) FROM obligation_event WHERE incident_id = ?", incident),
                "one 'created' per obligation and nothing else");
    }

    @Test
    void changedFactsUpdateInPlaceAndKeepHistory() {
        UUID incident = Affected.anIncident("Facts change");
        Affected.residents(incident, "DE", null, 5);
        Affected.assess(incident, Map.of("riskLevel", "high")).statusCode(200).body("created", equalTo(2));
        String sa = idOf(obligationsOf(incident), GDPR, "AUTHORITY_NOTICE");
        String people = idOf(obligationsOf(incident), GDPR, "INDIVIDUAL_NOTICE");

        // Awareness was a day later than first recorded: the 72 hours move with it.
        Affected.patch(incident, Map.of("awareAt", "2026-03-03T10:30:00Z"));
        JsonPath run = Affected.assess(incident, Map.of("riskLevel", "high")).statusCode(200).extract().jsonPath();
        assertEquals(1, run.getInt("updated"), run.prettify());
        assertEquals(sa, idOf(obligationsOf(incident), GDPR, "AUTHORITY_NOTICE"), "the same obligation, updated in place");
        assertEquals("2026-03-06T10:30:00Z", obligationsOf(incident).getString("find { it.id == '" + sa + "' }.dueAt"));
        JsonPath history = TestUsers.asAuditor().get("/api/incidents/" + incident + "/obligations/" + sa + "/history")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("created", "updated"), history.getList("action"));
        assertTrue(history.getString("[1].detail").contains("\"from\":\"2026-03-05T10:30:00Z\""), history.getString("[1].detail"));

        // The data turns out to have been encrypted with the key safe: no more individual notice.
        Affected.patch(incident, Map.of("encryption", "ENCRYPTED_KEY_SAFE"));
        JsonPath withdrawn = Affected.assess(incident, Map.of("riskLevel", "high")).statusCode(200).extract().jsonPath();
        assertEquals(1, withdrawn.getInt("withdrawn"));
        JsonPath list = obligationsOf(incident);
        assertEquals("WAIVED", list.getString("find { it.id == '" + people + "' }.status"));
        assertEquals(2, list.getList("$").size(), "withdrawn, never deleted");

        // ... and then that the key was taken after all: the same obligation comes back.
        Affected.patch(incident, Map.of("encryption", "ENCRYPTED_KEY_COMPROMISED"));
        Affected.assess(incident, Map.of("riskLevel", "high")).statusCode(200).body("created", equalTo(0));
        assertEquals("OPEN", obligationsOf(incident).getString("find { it.id == '" + people + "' }.status"));
        assertEquals(List.of("created", "withdrawn", "reinstated"), TestUsers.asAuditor()
                .get("/api/incidents/" + incident + "/obligations/" + people + "/history").then().statusCode(200)
                .extract().jsonPath().getList("action"));
    }

    @Test
    void fulfillingLateNeedsTheReasonsForTheDelayWhereTheLawAsksForThem() {
        UUID incident = Affected.anIncident("Late notice");
        Affected.residents(incident, "FR", null, 2);
        Affected.assess(incident, Map.of("riskLevel", "risk")).statusCode(200);
        String sa = idOf(obligationsOf(incident), GDPR, "AUTHORITY_NOTICE");
        String path = "/api/incidents/" + incident + "/obligations/" + sa;

        TestUsers.asOfficer().contentType(ContentType.JSON)
                .body(Map.of("fulfilledAt", "2026-03-06T09:00:00Z", "reference", "CNIL-2026-0042"))
                .post(path + "/fulfilment").then().statusCode(400)
                .body("errors.field", hasItem("lateReason"));
        TestUsers.asAnalyst().contentType(ContentType.JSON)
                .body(Map.of("fulfilledAt", "2026-03-06T09:00:00Z", "reference", "CNIL-2026-0042", "lateReason", "x"))
                .post(path + "/fulfilment").then().statusCode(403);
        TestUsers.asOfficer().contentType(ContentType.JSON)
                .body(Map.of("fulfilledAt", "2026-03-06T09:00:00Z", "reference", "CNIL-2026-0042",
                        "lateReason", "Forensics confirmed personal data only on 6 March",
                        "evidenceFileName", "submission.txt", "evidenceContentType", "text/plain",
                        "evidenceBase64", java.util.Base64.getEncoder().encodeToString("submitted form".getBytes())))
                .post(path + "/fulfilment").then().statusCode(200)
                .body("status", equalTo("FULFILLED")).body("fulfilmentReference", equalTo("CNIL-2026-0042"));
        assertEquals("submitted form", TestUsers.asAuditor().get(path + "/evidence").then().statusCode(200)
                .header("Content-Disposition", containsString("submission.txt")).extract().asString());
        TestUsers.asOfficer().contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post(path + "/waiver").then().statusCode(409);
        assertEquals(1, Db.count("SELECT count(*) FROM audit_entry WHERE entity_id = ? AND action = 'obligation-fulfilled'",
                incident.toString()));
    }

    @Test
    void waivingNeedsAReason() {
        UUID incident = Affected.anIncident("Waived");
        Affected.residents(incident, "US", "US-CA", 3);
        Affected.assess(incident, Map.of()).statusCode(200);
        String people = idOf(obligationsOf(incident), CA, "INDIVIDUAL_NOTICE");
        String path = "/api/incidents/" + incident + "/obligations/" + people + "/waiver";
        TestUsers.asOfficer().contentType(ContentType.JSON).body(Map.of("reason", " ")).post(path).then()
                .statusCode(400).body("errors[0].field", equalTo("reason"));
        TestUsers.asOfficer().contentType(ContentType.JSON)
                .body(Map.of("reason", "Law enforcement asked in writing to delay notice")).post(path).then()
                .statusCode(200).body("status", equalTo("WAIVED"));
    }

    @Test
    void theObligationsBeanGivesTermsTheNoticeCampaignPlansFrom() {
        UUID incident = Affected.anIncident("Terms");
        Affected.residents(incident, "US", "US-CA", 4);
        Affected.assess(incident, Map.of()).statusCode(200);

        // The fixture subjects have no contact point at all: California then allows substitute notice.
        List<ObligationView> all = obligations.forIncident(incident);
        assertEquals(List.of(ObligationKind.INDIVIDUAL_NOTICE, ObligationKind.SUBSTITUTE_NOTICE),
                all.stream().map(ObligationView::kind).sorted().toList(), all.toString());
        assertTrue(all.stream().allMatch(o -> o.status() == ObligationStatus.LATE));
        ObligationView individual = all.stream().filter(o -> o.kind() == ObligationKind.INDIVIDUAL_NOTICE).findFirst()
                .orElseThrow();
        ObligationView substitute = all.stream().filter(o -> o.kind() == ObligationKind.SUBSTITUTE_NOTICE).findFirst()
                .orElseThrow();
        assertTrue(substitute.reason().contains("4 affected subjects have no contact point"), substitute.reason());

        List<IndividualNoticeTerms> terms = obligations.openIndividualNoticeTerms(incident);
        assertEquals(1, terms.size());
        IndividualNoticeTerms t = terms.get(0);
        assertEquals(java.util.Set.of("US"), t.coveredCountries());
        assertEquals(java.util.Set.of("US-CA"), t.coveredRegions());
        assertEquals(List.of("postal_mail", "email"), t.allowedChannels());
        assertEquals(individual.id(), t.obligationId());

        List<SubstituteNoticeTerms> substitutes = obligations.substituteNoticeTerms(incident);
        assertEquals(1, substitutes.size());
        assertEquals(CA, substitutes.get(0).regimeId());
        assertEquals(substitute.id(), substitutes.get(0).obligationId());
        assertTrue(substitutes.get(0).allComponentsRequired());
    }

    @Test
    void badInputNamesTheFieldAndUnknownIncidentsAreNotFound() {
        UUID incident = Affected.anIncident("Bad input");
        Affected.assess(incident, Map.of("riskLevel", "catastrophic")).statusCode(400)
                .body("errors[0].field", equalTo("riskLevel"));
        Affected.assess(UUID.randomUUID(), Map.of()).statusCode(404);
        TestUsers.asAuditor().get("/api/incidents/" + UUID.randomUUID() + "/obligations").then().statusCode(404);
        TestUsers.asAuditor().contentType(ContentType.JSON).body(Map.of())
                .post("/api/incidents/" + incident + "/assessment").then().statusCode(403);
        Affected.anonymous().get("/api/incidents/" + incident + "/obligations").then().statusCode(401);
    }
}
