package org.herald.rules.obligation;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.herald.subject.Db;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.Test;

/** The obligations page: most urgent first, overdue in red, due times in the viewer's zone and UTC, and its forms. */
@QuarkusTest
class ObligationsConsoleTest {

    static String signIn(String username) {
        Response r = RestAssured.given().redirects().follow(false)
                .formParam("j_username", username).formParam("j_password", TestUsers.PASSWORD)
                .post("/j_security_check");
        assertThat(r.statusCode()).isEqualTo(302);
        return r.getCookie("herald-session");
    }

    static RequestSpecification as(String cookie) {
        return RestAssured.given().config(RestAssured.config().encoderConfig(
                EncoderConfig.encoderConfig().defaultContentCharset(StandardCharsets.UTF_8)))
                .cookie("herald-session", cookie).redirects().follow(false);
    }

    static String csrfOf(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("page carries a CSRF token").isTrue();
        return m.group(1);
    }

    @Test
    void obligationsAreListedMostUrgentFirstWithOverdueInRedAndBothZones() {
        UUID incident = Affected.anIncident("Console");
        Affected.residents(incident, "US", "US-CA", 501);
        Affected.residents(incident, "DE", null, 2);
        Affected.assess(incident, Map.of("riskLevel", "high")).statusCode(200);
        TestUsers.asAuditor();
        String html = as(signIn("auditor")).queryParam("tz", "America/Los_Angeles")
                .get("/console/incidents/" + incident + "/obligations").then().statusCode(200).extract().asString();

        // GDPR's 72 hours (5 March) before California's 30 days (2 April UTC), then no-fixed-time ones.
        int gdpr = html.indexOf("2026-03-05 10:30 UTC");
        int california = html.indexOf("2026-04-02 06:59 UTC");
        int noTime = html.indexOf("no fixed time");
        assertThat(gdpr).isPositive();
        assertThat(california).isGreaterThan(gdpr);
        assertThat(noTime).isGreaterThan(california);
        assertThat(html).contains("2026-04-01 23:59 America/Los_Angeles")
                .contains("class=\"overdue status-LATE\"")
                .contains("overdue by ");
        assertThat(html).contains("501 affected subjects in US-CA &gt; 500")
                .contains("EU/DIGITAL-OMNIBUS-PROPOSAL").contains("upcoming")
                .doesNotContain("Record fulfilment"); // auditors read only
    }

    @Test
    void anOfficerAssessesFulfilsWithAFileAndWaivesFromThePage() {
        UUID incident = Affected.anIncident("Console forms");
        Affected.residents(incident, "FR", null, 3);
        TestUsers.asOfficer();
        String cookie = signIn("officer");
        String page = as(cookie).get("/console/incidents/" + incident + "/obligations").then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("No obligations yet");
        String csrf = csrfOf(page);

        as(cookie).formParam("csrf", csrf).formParam("riskLevel", "high").formParam("determinedAt", "yesterday")
                .post("/console/incidents/" + incident + "/obligations/assessment").then().statusCode(400);
        String location = as(cookie).formParam("csrf", csrf).formParam("riskLevel", "high")
                .post("/console/incidents/" + incident + "/obligations/assessment").then().statusCode(303)
                .extract().header("Location");
        assertThat(location).contains("flash=");
        String sa = Db.rows("SELECT id FROM obligation WHERE incident_id = ? AND recipient = 'EU_LEAD_SA'", incident)
                .get(0).get("id").toString();
        String people = Db.rows("SELECT id FROM obligation WHERE incident_id = ? AND kind = 'INDIVIDUAL_NOTICE'", incident)
                .get(0).get("id").toString();

        String late = as(cookie).multiPart("csrf", csrf).multiPart("fulfilledAt", "2026-03-06 09:00")
                .multiPart("reference", "CNIL-42")
                .post("/console/incidents/" + incident + "/obligations/" + sa + "/fulfilment").then().statusCode(400)
                .extract().asString();
        assertThat(late).contains("lateReason");
        as(cookie).multiPart("csrf", csrf).multiPart("fulfilledAt", "2026-03-06 09:00").multiPart("reference", "CNIL-42")
                .multiPart("lateReason", "Scope confirmed on 6 March")
                .multiPart("evidence", "receipt.txt", "portal receipt".getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/console/incidents/" + incident + "/obligations/" + sa + "/fulfilment").then().statusCode(303);
        assertThat(Db.rows("SELECT status, evidence_file_name, late_reason FROM obligation WHERE id = ?::uuid", sa).get(0))
                .containsEntry("status", "FULFILLED").containsEntry("evidence_file_name", "receipt.txt")
                .containsEntry("late_reason", "Scope confirmed on 6 March");

        as(cookie).formParam("csrf", csrf).formParam("reason", "The supervisory authority decided notice is not needed")
                .post("/console/incidents/" + incident + "/obligations/" + people + "/waiver").then().statusCode(303);
        assertThat(Db.rows("SELECT status FROM obligation WHERE id = ?::uuid", people).get(0)).containsEntry("status", "WAIVED");

        as(cookie).formParam("csrf", "forged").formParam("reason", "x")
                .post("/console/incidents/" + incident + "/obligations/" + people + "/waiver").then().statusCode(403);
    }

    @Test
    void theIncidentPageLinksToItsObligations() {
        UUID incident = Affected.anIncident("Linked");
        TestUsers.asAnalyst();
        assertThat(as(signIn("analyst")).get("/console/incidents/" + incident).then().statusCode(200).extract().asString())
                .contains("href=\"/console/incidents/" + incident + "/obligations\"");
    }
}
