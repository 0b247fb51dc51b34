package org.herald.subject.affected;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.UUID;
import org.herald.incident.Incidents;
import org.herald.subject.Imports;
import org.herald.testing.TestUsers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The incident's console page shows who the incident affected, in numbers and never by name. */
@QuarkusTest
class AffectedSectionTest {

    private static String signIn(String username) {
        Response r = RestAssured.given().redirects().follow(false)
                .formParam("j_username", username).formParam("j_password", TestUsers.PASSWORD)
                .post("/j_security_check");
        assertThat(r.statusCode()).isEqualTo(302);
        return r.getCookie("herald-session");
    }

    private static Document page(String user, UUID incident) {
        String html = RestAssured.given().cookie("herald-session", signIn(user)).redirects().follow(false)
                .get("/console/incidents/" + incident).then().statusCode(200).extract().asString();
        return Jsoup.parse(html);
    }

    @Test
    void theIncidentPageShowsTheAffectedSummaryWithoutNamingAnyone() {
        TestUsers.asAnalyst();
        TestUsers.asAuditor();
        String source = "section-" + UUID.randomUUID().toString().substring(0, 8);
        String system = "crm-" + source;
        Imports.importNdjson("subjects", source, String.join("\n",
                "{\"externalRef\":\"A1\",\"displayName\":\"Zebulon Testperson\",\"country\":\"US\",\"region\":\"US-CA\","
                        + "\"emails\":[\"zebulon@example.org\"]}",
                "{\"externalRef\":\"A2\",\"country\":\"US\",\"region\":\"US-CA\",\"minor\":true}",
                "{\"externalRef\":\"A3\",\"country\":\"CN\",\"phones\":[\"+86 138 0013 8000\"]}"));
        Imports.importCsv("holdings", source, "external_ref,system,category\nA1," + system + ",CONTACT\nA2," + system
                + ",CONTACT\nA3," + system + ",HEALTH\n");
        UUID incident = Incidents.aDraftIncident();

        assertThat(page("auditor", incident).select("#affected").text()).contains("No affected set yet");

        TestUsers.asAnalyst().contentType("application/json").body("{\"systems\":[\"" + system + "\"]}")
                .put("/api/incidents/" + incident + "/scope").then().statusCode(200);

        Document d = page("auditor", incident);
        assertThat(d.select("#affected-total").text()).isEqualTo("3");
        assertThat(d.select("#affected-minors").text()).isEqualTo("1");
        assertThat(d.select("#affected-jurisdictions tbody tr").eachText())
                .containsExactly("US US-CA 2", "CN — 1");
        assertThat(d.select("#affected-categories tbody tr").eachText()).containsExactly("CONTACT 2", "HEALTH 1");
        assertThat(d.select("#affected-reachability tbody td").eachText()).containsExactly("1", "1", "0", "0", "1");
        assertThat(d.select("#affected").text()).doesNotContain("Zebulon", "zebulon@example.org", "138");
    }
}
