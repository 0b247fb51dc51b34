package org.herald.subject;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.Test;

/** Contact values are shown in clear only to privacy officers and administrators; auditors never read them. */
@QuarkusTest
class SubjectMaskingTest {

    private static String id;

    /** Imported once for the class (RestAssured knows the port only inside a test). */
    private static synchronized void aSubjectWithEveryKindOfContact() {
        if (id != null) {
            return;
        }
        Imports.importNdjson("subjects", "masking", """
                {"externalRef":"M-1","country":"GB","displayName":"Jo Maskedperson","emails":["jo.masked@example.org"],"phones":["+447400123456"],"push":[{"platform":"FCM","token":"fcm-token-example-0123456789"}],"address":{"lines":["1 Example Street"],"city":"Exampleton","region":"Example County","postalCode":"EX1 1AA"},"minor":true,"guardian":{"name":"Pat Guardian","emails":["pat.guardian@example.org"]}}
                """);
        id = (String) Db.rows("SELECT id::text AS id FROM data_subject WHERE source_system = 'masking'").get(0).get("id");
    }

    private static io.restassured.response.ValidatableResponse get(RequestSpecification as) {
        aSubjectWithEveryKindOfContact();
        return as.get("/api/subjects/" + id).then().statusCode(200);
    }

    @Test
    void privacyOfficersSeeEverythingInClear() {
        get(TestUsers.asOfficer())
                .body("disclosure", equalTo("FULL"))
                .body("displayName", equalTo("Jo Maskedperson"))
                .body("emails[0].value", equalTo("jo.masked@example.org"))
                .body("phones[0].value", equalTo("+447400123456"))
                .body("push[0].token", equalTo("fcm-token-example-0123456789"))
                .body("address.lines", equalTo(List.of("1 Example Street")))
                .body("address.postalCode", equalTo("EX1 1AA"))
                .body("guardian.name", equalTo("Pat Guardian"))
                .body("guardian.emails[0].value", equalTo("pat.guardian@example.org"));
    }

    @Test
    void administratorsSeeEverythingInClearThoughTheyActAsAuditorsToo() {
        get(TestUsers.asAdmin()).body("disclosure", equalTo("FULL")).body("emails[0].value", equalTo("jo.masked@example.org"));
    }

    @Test
    void analystsSeeNamesButMaskedContactValues() {
        get(TestUsers.asAnalyst())
                .body("disclosure", equalTo("MASKED_CONTACTS"))
                .body("displayName", equalTo("Jo Maskedperson"))
                .body("emails[0].value", equalTo("j***@example.org"))
                .body("phones[0].value", equalTo("+44*******456"))
                .body("push[0].token", equalTo("fcm-…"))
                .body("address.lines", equalTo(List.of("***")))
                .body("address.city", equalTo("***"))
                .body("address.postalCode", equalTo("***"))
                .body("address.country", equalTo("GB"))
                .body("guardian.name", equalTo("Pat Guardian"))
                .body("guardian.emails[0].value", equalTo("p***@example.org"));
    }

    @Test
    void auditorsSeeNeitherNamesNorContactValues() {
        get(TestUsers.asAuditor())
                .body("disclosure", equalTo("MASKED"))
                .body("displayName", equalTo("J*** M***"))
                .body("emails[0].value", equalTo("j***@example.org"))
                .body("phones[0].value", equalTo("+44*******456"))
                .body("guardian.name", equalTo("P*** G***"))
                .body("externalRef", equalTo("M-1"));
    }

    @Test
    void anAuditorWhoIsAlsoAPrivacyOfficerStillSeesMaskedValues() {
        get(TestUsers.as("officer.auditor", org.herald.security.Role.PRIVACY_OFFICER, org.herald.security.Role.AUDITOR))
                .body("disclosure", equalTo("MASKED"))
                .body("emails[0].value", equalTo("j***@example.org"));
    }

    @Test
    void searchesMaskTheSameWay() {
        aSubjectWithEveryKindOfContact();
        TestUsers.asAnalyst().queryParam("email", "jo.masked@example.org").get("/api/subjects").then().statusCode(200)
                .body("items[0].emails[0].value", equalTo("j***@example.org"))
                .body("items[0].disclosure", equalTo("MASKED_CONTACTS"));
    }

    @Test
    void strangersSeeNothing() {
        aSubjectWithEveryKindOfContact();
        TestUsers.anonymous().get("/api/subjects/" + id).then().statusCode(401).body("displayName", nullValue());
        TestUsers.asAnalyst().get("/api/subjects/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }
}
