package org.herald.regulator.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.herald.regulator.FakeContracts;
import org.herald.regulator.ReportFixtures;
import org.herald.rules.ObligationKind;
import org.herald.rules.ObligationStatus;
import org.herald.rules.Obligations;
import org.herald.testing.Fakes;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The incident's Reports tab: reports due with completeness, downloads, filing from the console, history. */
@QuarkusTest
class ReportsPageTest {

    private final FakeContracts.FakeObligations obligations = new FakeContracts.FakeObligations();

    @BeforeEach
    void installFakes() {
        Fakes.install(obligations, Obligations.class);
    }

    static String signIn(String username) {
        Response r = RestAssured.given().redirects().follow(false)
                .formParam("j_username", username).formParam("j_password", TestUsers.PASSWORD)
                .post("/j_security_check");
        assertThat(r.statusCode()).isEqualTo(302);
        return r.getCookie("herald-session");
    }

    private static RequestSpecification as(String cookie) {
        return RestAssured.given().cookie("herald-session", cookie).redirects().follow(false);
    }

    @Test
    void theTabListsTheReportsDueTheirCompletenessDownloadsAndTheFilingHistory() {
        String id = ReportFixtures.createCompleteIncident("Portal breach");
        UUID incident = UUID.fromString(id);
        obligations.byIncident.put(incident, List.of(
                FakeContracts.obligation(incident, ObligationKind.AUTHORITY_NOTICE, "ICO", "GB", "initial",
                        Instant.parse("2025-03-24T10:30:00Z"), ObligationStatus.OPEN, "UK GDPR Art. 33"),
                FakeContracts.obligation(incident, ObligationKind.AG_NOTICE, "TX_AG", "US-TX", null,
                        Instant.parse("2025-04-20T00:00:00Z"), ObligationStatus.OPEN, "Bus. & Com. Code 521.053(i)")));
        TestUsers.asOfficer();
        String officer = signIn("officer");

        as(officer).get("/console/incidents/" + id).then().statusCode(200)
                .body(containsString("href=\"/console/incidents/" + id + "/reports\""));

        String html = as(officer).get("/console/incidents/" + id + "/reports").then().statusCode(200)
                .extract().asString();
        assertThat(html).contains("UK Information Commissioner&#39;s Office", "ready to file",
                "Texas Attorney General", "cannot be filed yet", "Number of Texans affected",
                "/api/incidents/" + id + "/reports/uk-ico?format=pdf&amp;phase=initial", "Nothing filed yet.");

        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(csrf.find()).isTrue();
        as(officer).formParam("csrf", csrf.group(1)).formParam("phase", "initial")
                .formParam("authorityReference", "ICO-2025-0099")
                .post("/console/incidents/" + id + "/reports/uk-ico/file")
                .then().statusCode(303);
        as(officer).get("/console/incidents/" + id + "/reports").then().statusCode(200)
                .body(containsString("ICO-2025-0099"))
                .body(containsString("<td>uk-ico</td><td>initial</td><td>1</td><td>officer</td>"));
    }

    @Test
    void filingFromTheConsoleNeedsTheCsrfToken() {
        String id = ReportFixtures.createCompleteIncident("Portal breach");
        TestUsers.asOfficer();
        String officer = signIn("officer");
        as(officer).formParam("csrf", "forged").formParam("phase", "initial")
                .post("/console/incidents/" + id + "/reports/uk-ico/file")
                .then().statusCode(403);
        TestUsers.asAuditor().get("/api/incidents/" + id + "/filings").then().statusCode(200)
                .body(containsString("[]"));
    }
}
