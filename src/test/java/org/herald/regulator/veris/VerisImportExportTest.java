package org.herald.regulator.veris;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.herald.regulator.ReferenceData;
import org.herald.regulator.ReportFixtures;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * Every real VCDB record goes in through the import and comes back out as VERIS 1.4.1 that validates
 * against the VERIS schema. The records are 1.3.6 to 1.3.7: they are upgraded, not refused; the two
 * that carry fields 1.4.1 removed get those fields reported by path.
 */
@QuarkusTest
class VerisImportExportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchema SCHEMA = ReferenceData.verisSchema();

    @Test
    void everyVcdbRecordIsImportedAndExportedBackAsValidVeris141() throws Exception {
        Map<String, JsonNode> records = ReferenceData.vcdbRecords();
        assertThat(records).hasSizeGreaterThanOrEqualTo(8);
        for (Map.Entry<String, JsonNode> e : records.entrySet()) {
            JsonNode original = e.getValue();
            JsonPath result = importRecord(original).statusCode(201).extract().jsonPath();
            assertThat(result.getList("rejected")).as(e.getKey()).isEmpty();
            assertThat(result.getString("imported[0].sourceVersion")).isEqualTo(original.get("schema_version").asText());
            String id = result.getString("imported[0].incidentId");

            String exported = TestUsers.asAuditor().get("/api/incidents/" + id + "/export/veris")
                    .then().statusCode(200).extract().asString();
            JsonNode veris = MAPPER.readTree(exported);
            assertThat(SCHEMA.validate(veris)).as("validation of %s", e.getKey()).isEmpty();
            assertThat(veris.get("schema_version").asText()).isEqualTo("1.4.1");
            assertThat(veris.get("incident_id")).isEqualTo(original.get("incident_id"));
            // Date precision survives: a year-only record stays year-only.
            assertThat(veris.at("/timeline/incident")).as(e.getKey()).isEqualTo(original.at("/timeline/incident"));
            assertThat(veris.get("action")).isEqualTo(original.get("action"));
            if (original.at("/attribute/confidentiality/data_total").isNumber()) {
                assertThat(veris.at("/attribute/confidentiality/data_total"))
                        .isEqualTo(original.at("/attribute/confidentiality/data_total"));
            }
        }
    }

    @Test
    void fieldsRemovedIn141AreReportedByPathAndKeptOutOfTheExport() throws Exception {
        JsonNode withCreditMonitoring = ReferenceData.vcdbRecords().get("009AC3BF-BCDC-42F9-8ACE-CC21634608FA.json");
        JsonPath result = importRecord(withCreditMonitoring).statusCode(201).extract().jsonPath();
        assertThat(result.getList("imported[0].findings.path"))
                .contains("plus.attribute.confidentiality.credit_monitoring");
        assertThat(result.getString("imported[0].findings.find { it.path == 'plus.attribute.confidentiality.credit_monitoring' }.kind"))
                .isEqualTo("REMOVED_FIELD");
        assertThat(result.getString("imported[0].findings.find { it.path == 'plus.attribute.confidentiality.credit_monitoring' }.value"))
                .isEqualTo("Unknown");
        String id = result.getString("imported[0].incidentId");
        JsonNode veris = MAPPER.readTree(TestUsers.asAnalyst().get("/api/incidents/" + id + "/export/veris").asString());
        assertThat(veris.at("/plus/attribute/confidentiality/credit_monitoring").isMissingNode()).isTrue();
        assertThat(veris.at("/plus/attribute/confidentiality/data_abuse").asText()).isEqualTo("Yes");

        JsonNode withPartnerData = ReferenceData.vcdbRecords().get("00088c89-7f61-40c9-ab3a-f725e33c1176.json");
        importRecord(withPartnerData).statusCode(201)
                .body("imported[0].findings.path", hasItem("plus.attribute.confidentiality.partner_data"));
    }

    @Test
    void importKeepsTheDatePrecisionOnTheIncident() {
        JsonNode yearOnly = ReferenceData.vcdbRecords().get("00088c89-7f61-40c9-ab3a-f725e33c1176.json");
        String id = importRecord(yearOnly).statusCode(201).extract().path("imported[0].incidentId");
        TestUsers.asAnalyst().get("/api/incidents/" + id).then().statusCode(200)
                .body("occurredFrom", equalTo("2020"))
                .body("breachTypes", equalTo(List.of("CONFIDENTIALITY")))
                .body("causeFamily", equalTo("ERROR"))
                .body("discoveryMethod", equalTo("EXTERNAL"))
                .body("exfiltration", equalTo("CONFIRMED"));

        JsonNode monthOnly = ReferenceData.vcdbRecords().get("009AC3BF-BCDC-42F9-8ACE-CC21634608FA.json");
        String id2 = importRecord(monthOnly).statusCode(201).extract().path("imported[0].incidentId");
        TestUsers.asAnalyst().get("/api/incidents/" + id2).then().statusCode(200)
                .body("occurredFrom", equalTo("2015-08"))
                .body("estimatedRecords", equalTo(174));
    }

    @Test
    void anUnknownFieldIsReportedByPathNotDroppedSilently() {
        ObjectNode record = ReferenceData.vcdbRecords().get("025c42f9-7d39-4b02-8acc-7a9012f6d360.json").deepCopy();
        ((ObjectNode) record.get("victim")).put("favourite_colour", "green");
        importRecord(record).statusCode(201)
                .body("imported[0].findings.find { it.path == 'victim.favourite_colour' }.kind", equalTo("UNKNOWN_FIELD"))
                .body("imported[0].findings.find { it.path == 'victim.favourite_colour' }.value", equalTo("green"));
    }

    @Test
    void a134RecordIsUpgradedWithItsRenamedValuesNamed() throws Exception {
        ObjectNode record = ReferenceData.vcdbRecords().get("009AC3BF-BCDC-42F9-8ACE-CC21634608FA.json").deepCopy();
        record.put("schema_version", "1.3.4");
        ((ObjectNode) record.at("/action/social")).putArray("vector").add("Website");
        ((ObjectNode) record.at("/action")).putObject("error").putArray("variety").add("Omission");
        ((ObjectNode) record.at("/action/error")).putArray("vector").add("Carelessness");
        JsonPath result = importRecord(record).statusCode(201).extract().jsonPath();
        assertThat(result.getList("imported[0].findings.kind")).contains("RENAMED_VALUE", "REMOVED_FIELD");
        assertThat(result.getList("imported[0].findings.path")).contains("action.social.vector[0]", "action.error.variety[0]");
        String id = result.getString("imported[0].incidentId");
        JsonNode veris = MAPPER.readTree(TestUsers.asAnalyst().get("/api/incidents/" + id + "/export/veris").asString());
        assertThat(veris.at("/action/social/vector/0").asText()).isEqualTo("Web application");
        assertThat(veris.at("/action/error/variety/0").asText()).isEqualTo("Other");
        assertThat(SCHEMA.validate(veris)).isEmpty();
    }

    @Test
    void unsupportedVersionsAndInvalidValuesAreRefusedWithTheirPaths() {
        ObjectNode tooOld = ReferenceData.vcdbRecords().get("025c42f9-7d39-4b02-8acc-7a9012f6d360.json").deepCopy();
        tooOld.put("schema_version", "1.2");
        ObjectNode badValue = ReferenceData.vcdbRecords().get("025c42f9-7d39-4b02-8acc-7a9012f6d360.json").deepCopy();
        badValue.put("security_incident", "Maybe");
        TestUsers.asAnalyst().contentType(ContentType.JSON).body(List.of(tooOld, badValue))
                .post("/api/incidents/import/veris")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("[0].schema_version"))
                .body("errors.field", hasItem("[1].security_incident"));
    }

    @Test
    void oneBadRecordDoesNotHoldBackTheOthers() {
        ObjectNode good = ReferenceData.vcdbRecords().get("0001AA7F-C601-424A-B2B8-BE6C9F5164E7.json").deepCopy();
        ObjectNode bad = good.deepCopy();
        ((ObjectNode) bad.at("/timeline/incident")).put("month", 13);
        TestUsers.asAnalyst().contentType(ContentType.JSON).body(List.of(good, bad))
                .post("/api/incidents/import/veris")
                .then().statusCode(201)
                .body("imported.size()", equalTo(1))
                .body("rejected[0].index", equalTo(1))
                .body("rejected[0].reasons[0].path", equalTo("timeline.incident.month"));
    }

    @Test
    void anIncidentRecordedInHeraldExportsAsValidVeris() throws Exception {
        String id = ReportFixtures.createCompleteIncident("Card data skimmed");
        JsonNode veris = MAPPER.readTree(TestUsers.asOfficer().get("/api/incidents/" + id + "/export/veris")
                .then().statusCode(200).extract().asString());
        assertThat(SCHEMA.validate(veris)).isEmpty();
        assertThat(veris.at("/timeline/incident/year").asInt()).isEqualTo(2025);
        assertThat(veris.at("/timeline/incident/month").asInt()).isEqualTo(3);
        assertThat(veris.at("/timeline/incident/day").isMissingNode()).isTrue();
        assertThat(veris.at("/action/hacking/variety/0").asText()).isEqualTo("Unknown");
        assertThat(veris.at("/attribute/confidentiality/data_disclosure").asText()).isEqualTo("Potentially");
        assertThat(veris.at("/attribute/confidentiality/data_total").asLong()).isEqualTo(2400);
        assertThat(veris.at("/summary").asText()).isEqualTo("Situation in en");
    }

    @Test
    void exportAndImportNeedARole() {
        TestUsers.anonymous().get("/api/incidents/" + java.util.UUID.randomUUID() + "/export/veris")
                .then().statusCode(401);
        TestUsers.asAuditor().contentType(ContentType.JSON).body(Map.of("schema_version", "1.4.1"))
                .post("/api/incidents/import/veris").then().statusCode(403);
    }

    private static io.restassured.response.ValidatableResponse importRecord(JsonNode record) {
        return TestUsers.asAnalyst().contentType(ContentType.JSON).body(record.toString())
                .post("/api/incidents/import/veris").then().log().ifValidationFails();
    }
}
