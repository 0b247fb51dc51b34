package org.herald.subject.imports;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.herald.subject.Imports;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.Test;

/** The console's upload page: the file goes up as the raw body with the CSRF token in a header. */
@QuarkusTest
class ImportsPageTest {

    private static final byte[] FILE = "external_ref,country,emails\nP-1,US,page.person@example.org\nP-2,XX,\n"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void anAnalystUploadsAFileAndFollowsItsProgress() {
        TestUsers.asAnalyst();
        String cookie = signIn("analyst", TestUsers.PASSWORD);
        String page = RestAssured.given().cookie("herald-session", cookie).get("/console/subjects/imports")
                .then().statusCode(200)
                .body(containsString("<a href=\"/console/subjects/imports\">Subjects</a>"))
                .body(containsString("id=\"import-form\""))
                .body(containsString("/static/subject-imports.js"))
                .extract().asString();
        String csrf = csrfOf(page);

        String id = RestAssured.given().cookie("herald-session", cookie).header("X-CSRF-Token", csrf)
                .contentType("text/csv; charset=utf-8").body(FILE).queryParam("type", "subjects")
                .queryParam("source", "console-page").post("/console/subjects/imports")
                .then().statusCode(202).extract().path("importId");
        Imports.awaitFinished(id);

        RestAssured.given().cookie("herald-session", cookie).get("/console/subjects/imports/" + id + "/progress")
                .then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("percent", equalTo(100))
                .body("rowsAccepted", equalTo(1))
                .body("rowsRejected", equalTo(1))
                .body("errors.items[0].field", equalTo("country"));
        String errors = RestAssured.given().cookie("herald-session", cookie)
                .get("/console/subjects/imports/" + id + "/errors.csv").then().statusCode(200).extract().asString();
        assertTrue(errors.startsWith("row,field,reason,external_ref"), errors);
        assertEquals(2, errors.strip().split("\r?\n").length);
        RestAssured.given().cookie("herald-session", cookie).get("/console/subjects/imports").then().statusCode(200)
                .body(containsString("/console/subjects/imports/" + id + "/errors.csv"));
    }

    @Test
    void anUploadWithoutTheTokenOrFromAnotherSiteIsRefused() {
        TestUsers.asAnalyst();
        String cookie = signIn("analyst", TestUsers.PASSWORD);
        String csrf = csrfOf(RestAssured.given().cookie("herald-session", cookie).get("/console/subjects/imports").asString());
        RestAssured.given().cookie("herald-session", cookie).contentType("text/csv; charset=utf-8").body(FILE)
                .queryParam("type", "subjects").post("/console/subjects/imports").then().statusCode(403);
        RestAssured.given().cookie("herald-session", cookie).header("X-CSRF-Token", "forged")
                .contentType("text/csv; charset=utf-8").body(FILE)
                .queryParam("type", "subjects").post("/console/subjects/imports").then().statusCode(403);
        RestAssured.given().cookie("herald-session", cookie).header("X-CSRF-Token", csrf)
                .header("Sec-Fetch-Site", "cross-site").contentType("text/csv; charset=utf-8").body(FILE)
                .queryParam("type", "subjects").post("/console/subjects/imports").then().statusCode(403);
    }

    @Test
    void anAuditorSeesTheImportsButNoUploadForm() {
        TestUsers.asAuditor();
        String cookie = signIn("auditor", TestUsers.PASSWORD);
        RestAssured.given().cookie("herald-session", cookie).get("/console/subjects/imports").then().statusCode(200)
                .body(containsString("Recent imports"))
                .body(not(containsString("id=\"import-form\"")));
        String csrf = csrfOf(RestAssured.given().cookie("herald-session", cookie).get("/console").asString());
        RestAssured.given().cookie("herald-session", cookie).header("X-CSRF-Token", csrf)
                .contentType("text/csv; charset=utf-8").body(FILE)
                .queryParam("type", "subjects").post("/console/subjects/imports").then().statusCode(403);
    }

    static String signIn(String username, String password) {
        Response r = RestAssured.given().redirects().follow(false)
                .formParam("j_username", username).formParam("j_password", password)
                .post("/j_security_check");
        assertEquals(302, r.statusCode());
        return r.getCookie("herald-session");
    }

    static String csrfOf(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), "page carries a CSRF token");
        return m.group(1);
    }
}
