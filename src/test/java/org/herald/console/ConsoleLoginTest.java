package org.herald.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.URL;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.Test;

/** The console signs in with a form and a session cookie; its forms are protected against CSRF. */
@QuarkusTest
class ConsoleLoginTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void consoleRedirectsToLoginWhenSignedOut() {
        RestAssured.given().redirects().follow(false).get("/console").then()
                .statusCode(303).header("Location", endsWith("/console/login"));
        RestAssured.given().get("/console/login").then().statusCode(200)
                .body(containsString("<label for=\"j_username\">Username</label>"));
    }

    @Test
    void wrongPasswordReturnsToTheLoginPageWithAMessage() {
        Response r = RestAssured.given().redirects().follow(false)
                .formParam("j_username", "admin").formParam("j_password", "wrong")
                .post("/j_security_check");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.header("Location")).contains("/console/login?error=true");
    }

    @Test
    void adminSignsInAndCreatesAUserThroughTheForm() {
        String cookie = signIn("admin", TestUsers.ADMIN_PASSWORD);
        String page = RestAssured.given().cookie("herald-session", cookie).get("/console/users")
                .then().statusCode(200).extract().asString();
        String csrf = csrfOf(page);

        RestAssured.given().cookie("herald-session", cookie).redirects().follow(false)
                .formParam("csrf", csrf).formParam("username", "form.user").formParam("displayName", "Form User")
                .formParam("password", "a-long-passphrase").formParam("roles", "AUDITOR")
                .post("/console/users").then().statusCode(303);
        RestAssured.given().auth().preemptive().basic("form.user", "a-long-passphrase").get("/api/me")
                .then().statusCode(200).body(containsString("AUDITOR"));
    }

    @Test
    void invalidFormShowsInlineErrorsAndKeepsWhatWasTyped() {
        String cookie = signIn("admin", TestUsers.ADMIN_PASSWORD);
        String csrf = csrfOf(RestAssured.given().cookie("herald-session", cookie).get("/console/users").asString());
        RestAssured.given().cookie("herald-session", cookie)
                .formParam("csrf", csrf).formParam("username", "kept.name").formParam("displayName", "<b>Kept</b>")
                .formParam("password", "short")
                .post("/console/users").then().statusCode(400)
                .body(containsString("id=\"password-error\""))
                .body(containsString("must be 12 to 200 characters"))
                .body(containsString("value=\"kept.name\""))
                // What was typed comes back escaped, never as markup.
                .body(containsString("value=\"&lt;b&gt;Kept&lt;/b&gt;\""));
    }

    @Test
    void adminAssignsRolesAndDisablesAUserInTheConsole() {
        TestUsers.ensure("role.change", java.util.Set.of(org.herald.security.Role.ANALYST));
        String id = TestUsers.asAdmin().get("/api/users").then().extract()
                .path("find { it.username == 'role.change' }.id");
        String cookie = signIn("admin", TestUsers.ADMIN_PASSWORD);
        String csrf = csrfOf(RestAssured.given().cookie("herald-session", cookie).get("/console/users").asString());
        RestAssured.given().cookie("herald-session", cookie).redirects().follow(false)
                .formParam("csrf", csrf).formParam("roles", "AUDITOR").formParam("roles", "ANALYST")
                .post("/console/users/" + id).then().statusCode(303);
        RestAssured.given().auth().preemptive().basic("role.change", TestUsers.PASSWORD).get("/api/me")
                .then().statusCode(401);
        TestUsers.asAdmin().get("/api/users").then()
                .body("find { it.username == 'role.change' }.roles", org.hamcrest.Matchers.contains("ANALYST", "AUDITOR"))
                .body("find { it.username == 'role.change' }.enabled", org.hamcrest.Matchers.equalTo(false));
    }

    @Test
    void adminCannotLockThemselvesOut() {
        String adminId = TestUsers.asAdmin().get("/api/users").then().extract()
                .path("find { it.username == 'admin' }.id");
        String cookie = signIn("admin", TestUsers.ADMIN_PASSWORD);
        String csrf = csrfOf(RestAssured.given().cookie("herald-session", cookie).get("/console/users").asString());
        RestAssured.given().cookie("herald-session", cookie)
                .formParam("csrf", csrf).formParam("roles", "AUDITOR").formParam("enabled", "true")
                .post("/console/users/" + adminId).then().statusCode(409);
        TestUsers.asAdmin().get("/api/me").then().statusCode(200);
    }

    @Test
    void formPostWithoutTokenIsRefused() {
        String cookie = signIn("admin", TestUsers.ADMIN_PASSWORD);
        RestAssured.given().cookie("herald-session", cookie)
                .formParam("username", "csrf.victim").formParam("displayName", "X")
                .formParam("password", "a-long-passphrase").formParam("roles", "ADMIN")
                .post("/console/users").then().statusCode(403);
        RestAssured.given().cookie("herald-session", cookie)
                .formParam("csrf", "forged").formParam("username", "csrf.victim").formParam("displayName", "X")
                .formParam("password", "a-long-passphrase").formParam("roles", "ADMIN")
                .post("/console/users").then().statusCode(403);
        TestUsers.asAdmin().get("/api/users").then().body(org.hamcrest.Matchers.not(containsString("csrf.victim")));
    }

    @Test
    void crossSitePostIsRefusedEvenWithAToken() {
        String cookie = signIn("admin", TestUsers.ADMIN_PASSWORD);
        String csrf = csrfOf(RestAssured.given().cookie("herald-session", cookie).get("/console/users").asString());
        RestAssured.given().cookie("herald-session", cookie).header("Origin", "https://attacker.example")
                .formParam("csrf", csrf).formParam("username", "cross.site").formParam("displayName", "X")
                .formParam("password", "a-long-passphrase").formParam("roles", "ADMIN")
                .post("/console/users").then().statusCode(403).contentType("application/problem+json");
        RestAssured.given().cookie("herald-session", cookie).header("Sec-Fetch-Site", "cross-site")
                .formParam("csrf", csrf).formParam("username", "cross.site").formParam("displayName", "X")
                .formParam("password", "a-long-passphrase").formParam("roles", "ADMIN")
                .post("/console/users").then().statusCode(403);
    }

    @Test
    void nonAdminCannotOpenTheUsersPage() {
        TestUsers.asAnalyst();
        String cookie = signIn("analyst", TestUsers.PASSWORD);
        RestAssured.given().cookie("herald-session", cookie).get("/console/users").then().statusCode(403);
        RestAssured.given().cookie("herald-session", cookie).get("/console").then().statusCode(200)
                .body(containsString("ANALYST"));
    }

    static String signIn(String username, String password) {
        Response r = RestAssured.given().redirects().follow(false)
                .formParam("j_username", username).formParam("j_password", password)
                .post("/j_security_check");
        assertThat(r.statusCode()).isEqualTo(302);
        String cookie = r.getCookie("herald-session");
        assertThat(cookie).isNotBlank();
        return cookie;
    }

    static String csrfOf(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("page carries a CSRF token").isTrue();
        return m.group(1);
    }
}
