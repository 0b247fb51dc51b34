package org.herald.regulator.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.herald.notice.DeliveryStatisticsSource;
import org.herald.regulator.FakeContracts;
import org.herald.regulator.ReportFixtures;
import org.herald.rules.ObligationKind;
import org.herald.rules.ObligationStatus;
import org.herald.rules.Obligations;
import org.herald.testing.Fakes;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The breach register lists every incident, notified or not, with the reasons for not notifying. */
@QuarkusTest
class BreachRegisterTest {

    private final FakeContracts.FakeObligations obligations = new FakeContracts.FakeObligations();
    private final FakeContracts.FakeDeliveries deliveries = new FakeContracts.FakeDeliveries();

    @BeforeEach
    void installFakes() {
        Fakes.install(obligations, Obligations.class);
        Fakes.install(deliveries, DeliveryStatisticsSource.class);
    }

    @Test
    void everyIncidentIsListedNotifiedOrNotWithTheReasonsWhyNot() throws IOException {
        String filed = ReportFixtures.createCompleteIncident("Portal breach");
        TestUsers.asOfficer().contentType(ContentType.JSON).body(Map.of("authorityReference", "ICO-77"))
                .post("/api/incidents/" + filed + "/reports/uk-ico/filings").then().statusCode(201);
        deliveries.byIncident.put(UUID.fromString(filed), FakeContracts.halfNotified(UUID.fromString(filed)));

        String waived = ReportFixtures.createCompleteIncident("Encrypted backup tape lost");
        obligations.byIncident.put(UUID.fromString(waived), List.of(FakeContracts.obligation(UUID.fromString(waived),
                ObligationKind.AUTHORITY_NOTICE, "EU_LEAD_SA", "EU", "initial", null, ObligationStatus.WAIVED,
                "unlikely to result in a risk: the data was encrypted and the key is safe")));

        String explained = ReportFixtures.createDraft("Misdirected e-mail, recalled");
        TestUsers.asOfficer().contentType(ContentType.JSON)
                .body(Map.of("reasonNotNotified", "Recipient confirmed deletion within the hour; no risk"))
                .put("/api/incidents/" + explained + "/register")
                .then().statusCode(200).body("reasonsNotNotified", hasItem("Recipient confirmed deletion within the hour; no risk"))
                .body("reasonRecordedBy", equalTo("officer"));

        String silent = ReportFixtures.createDraft("Unexplained");

        TestUsers.asAuditor().get("/api/register").then().statusCode(200)
                .body("find { it.incidentId == '" + filed + "' }.notified", equalTo(true))
                .body("find { it.incidentId == '" + filed + "' }.authoritiesNotified", equalTo(List.of("uk-ico")))
                .body("find { it.incidentId == '" + filed + "' }.individualsNotified", equalTo(600))
                .body("find { it.incidentId == '" + waived + "' }.notified", equalTo(false))
                .body("find { it.incidentId == '" + waived + "' }.reasonsNotNotified[0]",
                        equalTo("EU_LEAD_SA (EU) waived: unlikely to result in a risk: the data was encrypted and the key is safe"))
                .body("find { it.incidentId == '" + silent + "' }.reasonsNotNotified[0]",
                        equalTo("not notified and no reason recorded yet (the assessment found no obligation, or has not run)"));

        String csv = TestUsers.asAuditor().get("/api/register?format=csv").then().statusCode(200).extract().asString();
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(csv)).getRecords();
        assertThat(rows.get(0).getParser().getHeaderNames()).isEqualTo(RegisterRow.CSV_HEADER);
        String reference = TestUsers.asAuditor().get("/api/incidents/" + explained).then().extract().path("reference");
        CSVRecord explainedRow = rows.stream().filter(r -> r.get("reference").equals(reference)).findFirst()
                .orElseThrow();
        assertThat(explainedRow.get("notified")).isEqualTo("no");
        assertThat(explainedRow.get("reasons_not_notified")).isEqualTo("Recipient confirmed deletion within the hour; no risk");
        assertThat(rows).extracting(r -> r.get("title")).anyMatch(t -> t.startsWith("Portal breach"))
                .anyMatch(t -> t.startsWith("Unexplained"));
    }

    @Test
    void onlyAPrivacyOfficerRecordsAReasonAndItMustSaySomething() {
        String id = ReportFixtures.createDraft("Lost badge");
        TestUsers.asAnalyst().contentType(ContentType.JSON).body(Map.of("reasonNotNotified", "x"))
                .put("/api/incidents/" + id + "/register").then().statusCode(403);
        TestUsers.asOfficer().contentType(ContentType.JSON).body(Map.of("reasonNotNotified", " "))
                .put("/api/incidents/" + id + "/register").then().statusCode(400)
                .body("errors[0].field", equalTo("reasonNotNotified"));
    }
}
