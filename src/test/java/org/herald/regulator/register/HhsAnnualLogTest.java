package org.herald.regulator.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.herald.regulator.ReferenceData;
import org.herald.regulator.ReportFixtures;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.Test;

/** The HHS annual log lists a covered entity's breaches under 500 of one year, in the portal's columns. */
@QuarkusTest
class HhsAnnualLogTest {

    @Test
    void smallBreachesOfACoveredEntityDiscoveredThatYearAreLogged() throws IOException {
        Map<String, Object> small = ReportFixtures.completeIncident("Small clinic breach");
        small.put("estimatedSubjects", 42);
        small.put("detectedAt", "2019-05-02T08:00:00Z");
        small.put("awareAt", "2019-05-02T09:00:00Z");
        small.put("containedAt", "2019-05-03T09:00:00Z");
        small.put("occurredFrom", "2019-05");
        small.put("occurredTo", "2019-05-01");
        small.put("organisation", Map.of("hipaaCoveredEntity", true));
        ReportFixtures.create(small);
        Map<String, Object> large = new java.util.LinkedHashMap<>(small);
        large.put("title", "Large clinic breach " + java.util.UUID.randomUUID());
        large.put("estimatedSubjects", 5000);
        ReportFixtures.create(large);
        Map<String, Object> notCovered = new java.util.LinkedHashMap<>(small);
        notCovered.put("title", "Shop breach " + java.util.UUID.randomUUID());
        notCovered.remove("organisation");
        ReportFixtures.create(notCovered);

        String csv = TestUsers.asAuditor().get("/api/reports/hhs-annual-log?year=2019")
                .then().statusCode(200).extract().asString();
        assertThat(csv.split("\n")[0]).isEqualTo(ReferenceData.hhsBreachReport().get(0));
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(csv)).getRecords();
        assertThat(rows).extracting(r -> r.get("Individuals Affected")).containsExactly("42");
        assertThat(rows.get(0).get("Type of Breach")).isEqualTo("Hacking/IT Incident");
    }

    @Test
    void theYearIsRequired() {
        TestUsers.asAuditor().get("/api/reports/hhs-annual-log").then().statusCode(400)
                .body("errors[0].field", equalTo("year"));
    }
}
