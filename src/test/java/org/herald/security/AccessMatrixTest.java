package org.herald.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.Map;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.Test;

/** Who may do what: every /api path needs a signed-in user, and roles decide what they may change. */
@QuarkusTest
class AccessMatrixTest {

    @Test
    void anonymousCallerGets401WithBasicChallengeAsProblemJson() {
        TestUsers.anonymous().get("/api/me").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Basic"))
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthenticated"));
    }

    @Test
    void wrongPasswordGets401() {
        TestUsers.asAuditor(); // make sure the user exists
        RestAssured.given().auth().preemptive().basic("auditor", "not-the-password")
                .get("/api/me").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void unknownApiPathsStillRequireAuthentication() {
        TestUsers.anonymous().get("/api/audit/verify").then().statusCode(401);
        TestUsers.anonymous().get("/api/users").then().statusCode(401);
    }

    @Test
    void signedInUserSeesTheirRoles() {
        TestUsers.asAnalyst().get("/api/me").then().statusCode(200)
                .body("username", equalTo("analyst"))
                .body("roles", equalTo(java.util.List.of("ANALYST")));
    }

    @Test
    void adminActsInEveryRole() {
        TestUsers.asAdmin().get("/api/me").then().statusCode(200)
                .body("roles", hasItems("ADMIN", "ANALYST", "PRIVACY_OFFICER", "AUDITOR"));
    }

    @Test
    void onlyAdminsManageUsers() {
        TestUsers.asAnalyst().get("/api/users").then().statusCode(403).contentType("application/problem+json")
                .body("title", equalTo("Forbidden"));
        TestUsers.asOfficer().get("/api/users").then().statusCode(403);
        TestUsers.asAuditor().get("/api/users").then().statusCode(403);
        TestUsers.asAuditor().contentType(ContentType.JSON)
                .body(Map.of("username", "sneaky", "displayName", "S", "password", "long-enough-password",
                        "roles", java.util.List.of("ADMIN")))
                .post("/api/users").then().statusCode(403);
        TestUsers.asAdmin().get("/api/users").then().statusCode(200);
    }

    @Test
    void auditorsAndOfficersMayVerifyTheAuditChainButAnalystsMayNot() {
        TestUsers.asAuditor().get("/api/audit/verify").then().statusCode(200);
        TestUsers.asOfficer().get("/api/audit/verify").then().statusCode(200);
        TestUsers.asAnalyst().get("/api/audit/verify").then().statusCode(403);
    }

    @Test
    void adminCreatesAUserWhoCanThenSignIn() {
        TestUsers.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", "new.officer", "displayName", "New Officer",
                        "password", "a-long-passphrase", "roles", java.util.List.of("PRIVACY_OFFICER")))
                .post("/api/users").then().statusCode(201)
                .header("Location", containsString("/api/users/"))
                .body("roles", equalTo(java.util.List.of("PRIVACY_OFFICER")))
                .body("$", not(org.hamcrest.Matchers.hasKey("password")));
        RestAssured.given().auth().preemptive().basic("new.officer", "a-long-passphrase")
                .get("/api/me").then().statusCode(200).body("roles", equalTo(java.util.List.of("PRIVACY_OFFICER")));
    }

    @Test
    void disabledUserCannotSignIn() {
        String id = TestUsers.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", "leaver", "displayName", "Leaver",
                        "password", "a-long-passphrase", "roles", java.util.List.of("ANALYST")))
                .post("/api/users").then().statusCode(201).extract().path("id");
        RestAssured.given().auth().preemptive().basic("leaver", "a-long-passphrase").get("/api/me").then().statusCode(200);
        TestUsers.asAdmin().contentType(ContentType.JSON).body(Map.of("enabled", false))
                .patch("/api/users/" + id).then().statusCode(200).body("enabled", equalTo(false));
        RestAssured.given().auth().preemptive().basic("leaver", "a-long-passphrase").get("/api/me").then().statusCode(401);
    }

    @Test
    void publicOperationalEndpointsNeedNoLogin() {
        TestUsers.anonymous().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        TestUsers.anonymous().get("/q/health/live").then().statusCode(200);
        TestUsers.anonymous().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
        TestUsers.anonymous().get("/q/openapi").then().statusCode(200).body(containsString("/api/audit/verify"));
        TestUsers.anonymous().get("/static/console.css").then().statusCode(200);
    }

    @Test
    void readinessChecksTheDatabase() {
        TestUsers.anonymous().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItems("Database connections health check"));
    }
}
