package org.herald.shared;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.Test;

/** Bad input always gets application/problem+json naming the field, never a class name or stack trace. */
@QuarkusTest
class ProblemJsonTest {

    @Test
    void validationFailuresListEveryFieldOnce() {
        TestUsers.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", "Not Valid!", "displayName", "", "password", "short", "roles", List.of()))
                .post("/api/users").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://herald.dev/problems/validation"))
                .body("title", equalTo("Invalid request"))
                .body("errors.field", equalTo(List.of("displayName", "password", "roles", "username")))
                .body("errors.find { it.field == 'password' }.message", equalTo("must be 12 to 200 characters"));
    }

    @Test
    void missingBodyIsNamed() {
        TestUsers.asAdmin().contentType(ContentType.JSON).post("/api/users").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unknownFieldIsRefusedByName() {
        TestUsers.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", "someone", "displayName", "S", "password", "long-enough-password",
                        "roles", List.of("ANALYST"), "isAdmin", true))
                .post("/api/users").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("isAdmin"))
                .body("errors[0].message", equalTo("unknown field"));
    }

    @Test
    void wrongEnumValueNamesTheFieldAndTheChoices() {
        TestUsers.asAdmin().contentType(ContentType.JSON)
                .body(Map.of("username", "someone2", "displayName", "S", "password", "long-enough-password",
                        "roles", List.of("SUPERUSER")))
                .post("/api/users").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("roles[0]"))
                .body("errors[0].message", containsString("ANALYST"));
    }

    @Test
    void malformedJsonSaysWhere() {
        TestUsers.asAdmin().contentType(ContentType.JSON).body("{\"username\": ")
                .post("/api/users").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://herald.dev/problems/malformed-json"))
                .body("detail", containsString("line 1"));
    }

    @Test
    void unknownIdIs404Problem() {
        TestUsers.asAdmin().contentType(ContentType.JSON).body(Map.of("enabled", false))
                .patch("/api/users/00000000-0000-0000-0000-000000000000").then()
                .statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("does not exist"));
    }

    @Test
    void wrongMethodAndMediaTypeAreProblems() {
        TestUsers.asAdmin().delete("/api/users").then().statusCode(405).contentType("application/problem+json");
        TestUsers.asAdmin().contentType(ContentType.TEXT).body("hello").post("/api/users").then()
                .statusCode(415).contentType("application/problem+json");
    }

    @Test
    void duplicateUsernameIsAConflictNamingTheField() {
        Map<String, Object> form = Map.of("username", "twice", "displayName", "T", "password", "long-enough-password",
                "roles", List.of("ANALYST"));
        TestUsers.asAdmin().contentType(ContentType.JSON).body(form).post("/api/users").then().statusCode(201);
        TestUsers.asAdmin().contentType(ContentType.JSON).body(form).post("/api/users").then()
                .statusCode(409).contentType("application/problem+json")
                .body("errors.field", hasItems("username"));
    }

    @Test
    void oversizedBodiesAreRefusedWith413() {
        String huge = "{\"displayName\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}";
        TestUsers.asAdmin().contentType(ContentType.JSON).body(huge)
                .patch("/api/users/00000000-0000-0000-0000-000000000000").then().statusCode(413);
    }

    @Test
    void errorsNeverLeakExceptionClassNames() {
        TestUsers.asAdmin().contentType(ContentType.JSON).body("[1,2,3]").post("/api/users").then()
                .statusCode(400).contentType("application/problem+json")
                .body(not(containsString("Exception")))
                .body(not(containsString("com.fasterxml")))
                .body(not(containsString("org.herald")));
    }
}
