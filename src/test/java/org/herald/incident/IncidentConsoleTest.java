package org.herald.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.herald.security.Role;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.Test;

/** The console's incident pages, read as HTML. */
@QuarkusTest
class IncidentConsoleTest {

    private static final String HOSTILE = "<script>alert(1)</script>";

    static String signIn(String username) {
        Response r = RestAssured.given().redirects().follow(false)
                .formParam("j_username", username).formParam("j_password", TestUsers.PASSWORD)
                .post("/j_security_check");
        assertThat(r.statusCode()).isEqualTo(302);
        return r.getCookie("herald-session");
    }

    private static RequestSpecification as(String cookie) {
        // Browsers send form fields as UTF-8; so does this client.
        return RestAssured.given().config(RestAssured.config().encoderConfig(
                        EncoderConfig.encoderConfig().defaultContentCharset(StandardCharsets.UTF_8)))
                .cookie("herald-session", cookie).redirects().follow(false);
    }

    private static String analyst() {
        TestUsers.asAnalyst();
        return signIn("analyst");
    }

    static String csrfOf(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("page carries a CSRF token").isTrue();
        return m.group(1);
    }

    @Test
    void hostileTitlesAreShownEscapedInTheListAndOnTheDetailPage() {
        String marker = Incidents.uniqueTitle("Escaping");
        String id = Incidents.create(Map.of("title", marker + " " + HOSTILE,
                "content", Map.of("en", Map.of("basicSituation", "<img src=x onerror=alert(2)>"))));
        String cookie = analyst();
        as(cookie).queryParam("q", marker).get("/console/incidents").then().statusCode(200)
                .body(containsString(marker + " &lt;script&gt;alert(1)&lt;/script&gt;"))
                .body(not(containsString(HOSTILE)));
        as(cookie).get("/console/incidents/" + id).then().statusCode(200)
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"))
                .body(containsString("&lt;img src=x onerror=alert(2)&gt;"))
                .body(not(containsString(HOSTILE)))
                .body(not(containsString("<img src=x")));
        as(cookie).get("/console/incidents/" + id + "/edit").then().statusCode(200)
                .body(containsString("value=\"" + marker + " &lt;script&gt;alert(1)&lt;/script&gt;\""))
                .body(not(containsString(HOSTILE)));
    }

    @Test
    void theListFiltersByStatusSeverityAndText() {
        String marker = Incidents.uniqueTitle("Console filter");
        String assessing = Incidents.create(Incidents.readyForAssessment(marker + " assessing"));
        Incidents.transition(TestUsers.asAnalyst(), assessing, "ASSESSING").statusCode(200);
        Incidents.create(Map.of("title", marker + " draft", "severity", "LOW"));
        String cookie = analyst();
        String page = as(cookie).queryParam("q", marker).queryParam("status", "ASSESSING").get("/console/incidents")
                .then().statusCode(200).extract().asString();
        assertThat(page).contains(marker + " assessing").doesNotContain(marker + " draft")
                .contains("<option value=\"ASSESSING\" selected>");
        assertThat(as(cookie).queryParam("q", marker).queryParam("severity", "LOW").get("/console/incidents").asString())
                .contains(marker + " draft").doesNotContain(marker + " assessing");
    }

    @Test
    void aFormWithErrorsMarksEachFieldAndKeepsWhatWasTyped() {
        String cookie = analyst();
        String csrf = csrfOf(as(cookie).get("/console/incidents/new").then().statusCode(200).extract().asString());
        String html = as(cookie).formParam("csrf", csrf)
                .formParam("title", "")
                .formParam("severity", "HIGH")
                .formParam("occurredFrom", "2025-03")
                .formParam("detectedAt", "2025-03-21 08:00")
                .formParam("awareAt", "2025-03-20 08:00")
                .formParam("containedAt", "yesterday")
                .formParam("estimatedSubjects", "many")
                .formParam("systems", "crm\n<b>billing</b>")
                .formParam("content.zh-CN.contactPoint.email", "not-an-address")
                .formParam("content.zh-CN.basicSituation", "基本情况")
                .post("/console/incidents")
                .then().statusCode(400).extract().asString();
        assertThat(html)
                .contains("id=\"title-error\"")
                .contains("id=\"awareAt-error\"")
                .contains("must not be before detectedAt")
                .contains("id=\"containedAt-error\"")
                .contains("id=\"estimatedSubjects-error\"")
                .contains("id=\"content.zh-CN.contactPoint.email-error\"")
                .contains("aria-describedby=\"awareAt-hint awareAt-error\"")
                .contains("value=\"yesterday\"")
                .contains("value=\"many\"")
                .contains("value=\"2025-03-20 08:00\"")
                .contains("基本情况")
                .contains("&lt;b&gt;billing&lt;/b&gt;")
                .contains("<option value=\"HIGH\" selected>");
        assertThat(html.split("aria-invalid=\"true\"", -1).length - 1).isEqualTo(5);
    }

    @Test
    void aNewIncidentIsRecordedAndShown() {
        String cookie = analyst();
        String title = Incidents.uniqueTitle("Recorded in the console");
        String csrf = csrfOf(as(cookie).get("/console/incidents/new").asString());
        Response r = as(cookie).formParam("csrf", csrf).formParam("title", title)
                .formParam("newContent.locale", "fr").formParam("newContent.basicSituation", "Situation en français")
                .formParam("breachTypes", "CONFIDENTIALITY").formParam("breachTypes", "AVAILABILITY")
                .formParam("org.listedCompany", "true")
                .post("/console/incidents");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(303);
        String location = r.header("Location");
        String id = location.replaceAll(".*/console/incidents/([^?]+).*", "$1");
        TestUsers.asAnalyst().get("/api/incidents/" + id).then().statusCode(200)
                .body("title", org.hamcrest.Matchers.equalTo(title))
                .body("severity", org.hamcrest.Matchers.equalTo("MEDIUM"))
                .body("content.fr.basicSituation", org.hamcrest.Matchers.equalTo("Situation en français"))
                .body("breachTypes", org.hamcrest.Matchers.contains("CONFIDENTIALITY", "AVAILABILITY"))
                .body("organisation.listedCompany", org.hamcrest.Matchers.equalTo(true))
                .body("organisation.role", org.hamcrest.Matchers.nullValue());
        as(cookie).get("/console/incidents/" + id + "?created=true").then().statusCode(200)
                .body(containsString("Incident recorded."))
                .body(containsString("Recorded INC-"));
    }

    @Test
    void aConcurrentEditIsRefusedWithAClearMessageAndTheInputKept() {
        String id = Incidents.create(Incidents.aDraftTitled(Incidents.uniqueTitle("Edited twice")));
        String cookie = analyst();
        String form = as(cookie).get("/console/incidents/" + id + "/edit").then().statusCode(200).extract().asString();
        assertThat(form).contains("name=\"version\" value=\"0\"");
        Incidents.patch(id, Map.of("severity", "CRITICAL")).statusCode(200);

        String html = as(cookie).formParam("csrf", csrfOf(form)).formParam("version", "0")
                .formParam("title", "My careful rewrite").formParam("severity", "LOW")
                .post("/console/incidents/" + id)
                .then().statusCode(409).extract().asString();
        assertThat(html).contains("Someone else saved this incident while you were editing")
                .contains("value=\"My careful rewrite\"")
                .contains("name=\"version\" value=\"1\"");
        TestUsers.asAnalyst().get("/api/incidents/" + id).then()
                .body("severity", org.hamcrest.Matchers.equalTo("CRITICAL"));

        // Having seen the message, the analyst saves on purpose.
        as(cookie).formParam("csrf", csrfOf(html)).formParam("version", "1")
                .formParam("title", "My careful rewrite").formParam("severity", "LOW")
                .post("/console/incidents/" + id).then().statusCode(303);
        TestUsers.asAnalyst().get("/api/incidents/" + id).then()
                .body("title", org.hamcrest.Matchers.equalTo("My careful rewrite"));
    }

    @Test
    void lifecycleButtonsOfferOnlyAllowedMovesAndExplainRefusals() {
        String id = Incidents.create(Incidents.aDraftTitled(Incidents.uniqueTitle("Buttons")));
        String cookie = analyst();
        String page = as(cookie).get("/console/incidents/" + id).asString();
        assertThat(page).contains("id=\"move-ASSESSING\"").doesNotContain("id=\"move-CLOSED\"")
                .contains("Before ASSESSING, still needed:");
        String html = as(cookie).formParam("csrf", csrfOf(page)).formParam("to", "ASSESSING")
                .post("/console/incidents/" + id + "/transitions")
                .then().statusCode(409).extract().asString();
        assertThat(html).contains("id=\"transition-refused\"").contains("Organisation aware at")
                .contains("/console/incidents/" + id + "/edit#awareAt");

        Incidents.patch(id, Incidents.readyForAssessment("Buttons, now known")).statusCode(200);
        as(cookie).formParam("csrf", csrfOf(page)).formParam("to", "ASSESSING")
                .post("/console/incidents/" + id + "/transitions").then().statusCode(303);
        assertThat(as(cookie).get("/console/incidents/" + id).asString())
                .contains("id=\"status\">ASSESSING<").contains("id=\"move-NOTIFYING\"");
    }

    @Test
    void theEditFormOffersEveryLanguageTheNoticesNeed() {
        String id = Incidents.create(Incidents.aDraftTitled(Incidents.uniqueTitle("Needs Japanese")));
        GuardsForTests.SubjectLocales.NEEDED.put(java.util.UUID.fromString(id), java.util.Set.of("en", "ja"));
        try {
            assertThat(as(analyst()).get("/console/incidents/" + id + "/edit").then().statusCode(200).extract().asString())
                    .contains("id=\"locale-en\"").contains("id=\"locale-zh-CN\"").contains("id=\"locale-ja\"")
                    .contains("name=\"content.ja.remedies\"");
        } finally {
            GuardsForTests.SubjectLocales.NEEDED.remove(java.util.UUID.fromString(id));
        }
    }

    @Test
    void reopeningInTheConsoleNeedsAReason() {
        String id = Incidents.create(Map.of("title", Incidents.uniqueTitle("Reopen in console")));
        TestUsers.as("officer", Role.PRIVACY_OFFICER);
        String cookie = signIn("officer");
        Incidents.patch(id, Incidents.readyForAssessment("Reopen in console"));
        Incidents.patch(id, Map.of("content", Map.of("en", Incidents.completeContent("en"))));
        for (String to : new String[] {"ASSESSING", "NOTIFYING", "MONITORING"}) {
            Incidents.transition(TestUsers.asOfficer(), id, to).statusCode(200);
        }
        String page = as(cookie).get("/console/incidents/" + id).asString();
        assertThat(page).contains("id=\"move-CLOSED\"").contains("Reason for reopening (required)");
        as(cookie).formParam("csrf", csrfOf(page)).formParam("to", "ASSESSING").formParam("reason", "")
                .post("/console/incidents/" + id + "/transitions")
                .then().statusCode(400).body(containsString("is required to reopen"));
        as(cookie).formParam("csrf", csrfOf(page)).formParam("to", "ASSESSING")
                .formParam("reason", "New evidence from the hosting provider")
                .post("/console/incidents/" + id + "/transitions").then().statusCode(303);
        assertThat(as(cookie).get("/console/incidents/" + id).asString())
                .contains("Reopened (MONITORING → ASSESSING): New evidence from the hosting provider");
    }

    @Test
    void notesAreAddedFromTheDetailPage() {
        String id = Incidents.create(Incidents.aDraftTitled(Incidents.uniqueTitle("Console notes")));
        String cookie = analyst();
        String csrf = csrfOf(as(cookie).get("/console/incidents/" + id).asString());
        as(cookie).formParam("csrf", csrf).formParam("text", "").post("/console/incidents/" + id + "/notes")
                .then().statusCode(400).body(containsString("id=\"note.text-error\""));
        as(cookie).formParam("csrf", csrf).formParam("text", "Isolated the host " + HOSTILE)
                .formParam("occurredAt", "2025-03-21 09:15")
                .post("/console/incidents/" + id + "/notes").then().statusCode(303);
        assertThat(as(cookie).get("/console/incidents/" + id).asString())
                .contains("Isolated the host &lt;script&gt;")
                .contains("2025-03-21 09:15 UTC")
                .doesNotContain(HOSTILE);
    }

    @Test
    void formsWithoutTheTokenAreRefused() {
        String id = Incidents.create(Incidents.aDraftTitled(Incidents.uniqueTitle("CSRF")));
        String cookie = analyst();
        as(cookie).formParam("title", "Forged").post("/console/incidents").then().statusCode(403);
        as(cookie).formParam("csrf", "forged").formParam("title", "Forged").formParam("version", "0")
                .post("/console/incidents/" + id).then().statusCode(403);
        as(cookie).formParam("to", "ASSESSING").post("/console/incidents/" + id + "/transitions").then().statusCode(403);
        as(cookie).formParam("text", "Forged").post("/console/incidents/" + id + "/notes").then().statusCode(403);
    }

    @Test
    void auditorsSeeIncidentsButNoWayToChangeThem() {
        String id = Incidents.create(Incidents.readyForAssessment(Incidents.uniqueTitle("Audited in console")));
        TestUsers.asAuditor();
        String cookie = signIn("auditor");
        assertThat(as(cookie).get("/console/incidents").then().statusCode(200).extract().asString())
                .contains("Incidents").doesNotContain("Record an incident");
        assertThat(as(cookie).get("/console/incidents/" + id).then().statusCode(200).extract().asString())
                .doesNotContain("id=\"move-").doesNotContain(">Edit<").doesNotContain("Add a note");
        as(cookie).get("/console/incidents/new").then().statusCode(403);
        as(cookie).get("/console/incidents/" + id + "/edit").then().statusCode(403);
    }

    @Test
    void signedOutVisitorsAreSentToTheLoginPage() {
        RestAssured.given().redirects().follow(false).get("/console/incidents").then().statusCode(303)
                .header("Location", containsString("/console/login"));
    }
}
