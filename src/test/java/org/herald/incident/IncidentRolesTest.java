package org.herald.incident;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.Test;

/** Who may do what with incidents: auditors read, analysts record, nobody anonymous. */
@QuarkusTest
class IncidentRolesTest {

    @Test
    void auditorsReadEverythingButChangeNothing() {
        String id = Incidents.create(Incidents.readyForAssessment(Incidents.uniqueTitle("Audited")));
        String etag = Incidents.etagOf(id);
        RequestSpecification auditor = TestUsers.asAuditor();
        auditor.get("/api/incidents").then().statusCode(200);
        TestUsers.asAuditor().get("/api/incidents/" + id).then().statusCode(200);
        TestUsers.asAuditor().get("/api/incidents/" + id + "/timeline").then().statusCode(200);
        TestUsers.asAuditor().get("/api/incidents/" + id + "/notes").then().statusCode(200);

        TestUsers.asAuditor().contentType(ContentType.JSON).body(Map.of("title", "Auditor's incident"))
                .post("/api/incidents").then().statusCode(403).contentType("application/problem+json");
        Incidents.patchAs(TestUsers.asAuditor(), id, etag, Map.of("severity", "LOW")).statusCode(403);
        Incidents.transition(TestUsers.asAuditor(), id, "ASSESSING").statusCode(403);
        TestUsers.asAuditor().contentType(ContentType.JSON).body(Map.of("text", "Auditor's note"))
                .post("/api/incidents/" + id + "/notes").then().statusCode(403);
        TestUsers.asAnalyst().get("/api/incidents/" + id).then().body("status", equalTo("DRAFT"))
                .header("ETag", equalTo(etag));
    }

    @Test
    void anonymousCallersAreAskedToSignIn() {
        String id = Incidents.create(Incidents.aDraftTitled(Incidents.uniqueTitle("Private")));
        TestUsers.anonymous().get("/api/incidents").then().statusCode(401).contentType("application/problem+json");
        TestUsers.anonymous().get("/api/incidents/" + id).then().statusCode(401);
        TestUsers.anonymous().get("/api/incidents/" + id + "/timeline").then().statusCode(401);
        TestUsers.anonymous().contentType(ContentType.JSON).body(Map.of("title", "Anonymous"))
                .post("/api/incidents").then().statusCode(401);
        TestUsers.anonymous().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("severity", "LOW")).patch("/api/incidents/" + id).then().statusCode(401);
        TestUsers.anonymous().contentType(ContentType.JSON).body(Map.of("to", "ASSESSING"))
                .post("/api/incidents/" + id + "/transitions").then().statusCode(401);
    }

    @Test
    void privacyOfficersMayMoveButNotRecord() {
        String id = Incidents.create(Incidents.readyForAssessment(Incidents.uniqueTitle("Officer moves")));
        TestUsers.asOfficer().contentType(ContentType.JSON).body(Map.of("title", "Officer's incident"))
                .post("/api/incidents").then().statusCode(403);
        Incidents.transition(TestUsers.asOfficer(), id, "ASSESSING").statusCode(200);
    }

    @Test
    void administratorsActInEveryRole() {
        TestUsers.asAdmin().contentType(ContentType.JSON).body(Map.of("title", Incidents.uniqueTitle("Admin's")))
                .post("/api/incidents").then().statusCode(201).body("createdBy", equalTo("admin"));
    }
}
