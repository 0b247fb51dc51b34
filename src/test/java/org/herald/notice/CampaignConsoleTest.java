package org.herald.notice;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.herald.rules.Obligations;
import org.herald.testing.Fakes;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The campaign pages over plain HTTP: CSRF required, the planner sees no approve button, previews render. */
@QuarkusTest
@TestProfile(NoticeProfile.class)
class CampaignConsoleTest {

    private final FakeObligations obligations = new FakeObligations();

    @BeforeEach
    void rules() {
        Fakes.install(obligations, Obligations.class);
    }

    static String signIn(String username) {
        Response r = RestAssured.given().redirects().follow(false)
                .formParam("j_username", username).formParam("j_password", TestUsers.PASSWORD)
                .post("/j_security_check");
        assertThat(r.statusCode()).isEqualTo(302);
        return r.getCookie("herald-session");
    }

    static String csrfOf(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("page carries a CSRF token").isTrue();
        return m.group(1);
    }

    @Test
    void planningFromTheConsoleNeedsTheCsrfTokenAndLeadsToTheCampaignWithPreviews() {
        NoticeWorld w = new NoticeWorld();
        w.subject("P1", w.email("console1"), NoticeWorld.phone(44), "EMAIL;SMS").affected();
        obligations.set(w.incident, List.of(NoticeWorld.terms("US-CA/CIV-1798.82", Set.of("US"), List.of("email", "sms"),
                Instant.now().plus(30, ChronoUnit.DAYS))));
        TestUsers.asAnalyst();
        String cookie = signIn("analyst");
        String page = RestAssured.given().cookie("herald-session", cookie).get("/console/incidents/" + w.incident + "/campaigns")
                .then().log().ifValidationFails().statusCode(200).extract().asString();
        assertThat(page).contains("id=\"plan\"");

        RestAssured.given().cookie("herald-session", cookie).redirects().follow(false).formParam("csrf", "wrong")
                .post("/console/incidents/" + w.incident + "/campaigns").then().statusCode(403);

        Response planned = RestAssured.given().cookie("herald-session", cookie).redirects().follow(false)
                .formParam("csrf", csrfOf(page)).post("/console/incidents/" + w.incident + "/campaigns");
        assertThat(planned.statusCode()).isEqualTo(303);
        String location = planned.getHeader("Location");
        assertThat(location).contains("/console/campaigns/");

        String campaign = RestAssured.given().cookie("herald-session", cookie).get(location).then().log().ifValidationFails()
                .statusCode(200).extract().asString();
        assertThat(campaign).contains("id=\"status\">PLANNED").doesNotContain("id=\"approve\"").contains("progress-overall");

        String sms = RestAssured.given().cookie("herald-session", cookie).get(location + "/preview?channel=sms")
                .then().log().ifValidationFails().statusCode(200).extract().asString();
        assertThat(sms).contains("id=\"preview-segments\"").contains("A test system exposed records (en).")
                .doesNotContain(w.email("console1"));
        String zh = RestAssured.given().cookie("herald-session", cookie).get(location + "/preview?channel=email&locale=zh-CN")
                .then().statusCode(200).extract().asString();
        assertThat(zh).contains("个人信息安全事件告知");
    }
}
