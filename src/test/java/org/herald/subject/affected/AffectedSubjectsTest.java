package org.herald.subject.affected;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.herald.incident.Incidents;
import org.herald.subject.Db;
import org.herald.subject.Imports;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.Test;

/** Scope by selectors and by uploaded list, each replacing the set atomically, and the summary numbers. */
@QuarkusTest
class AffectedSubjectsTest {

    private static final AtomicInteger WORLDS = new AtomicInteger();

    /**
     * Six subjects in their own source system and with their own system names (the database is
     * shared by every test class): S1 US-CA adult, e-mail + phone; S2 US-NY adult, phone; S3 GB minor
     * whose guardian has an e-mail (its own phone does not count); S4 DE adult, push + postal; S5 DE
     * deceased, next of kin with a postal address; S6 FR, a minor by birth year, no contact at all.
     */
    private record World(String source, String crm, String billing, String hr) {

        static World create() {
            int n = WORLDS.incrementAndGet();
            World w = new World("affected-" + n + "-" + UUID.randomUUID().toString().substring(0, 8),
                    "crm-" + n + "-" + UUID.randomUUID().toString().substring(0, 8), "billing-" + n, "hr-" + n);
            int childYear = Year.now(ZoneOffset.UTC).getValue() - 10;
            Imports.importNdjson("subjects", w.source, String.join("\n",
                    "{\"externalRef\":\"S1\",\"country\":\"US\",\"region\":\"US-CA\",\"emails\":[\"s1@example.org\"],\"phones\":[\"(201) 555-0101\"]}",
                    "{\"externalRef\":\"S2\",\"country\":\"US\",\"region\":\"US-NY\",\"phones\":[\"(212) 555-0102\"]}",
                    "{\"externalRef\":\"S3\",\"country\":\"GB\",\"region\":\"GB-ENG\",\"minor\":true,\"phones\":[\"07400 123456\"],"
                            + "\"guardian\":{\"name\":\"Test Guardian\",\"emails\":[\"guardian3@example.org\"]}}",
                    "{\"externalRef\":\"S4\",\"country\":\"DE\",\"push\":[{\"platform\":\"FCM\",\"token\":\"fcm-token-example-s4-000000\"}],"
                            + "\"address\":{\"lines\":[\"Beispielstrasse 1\"],\"city\":\"Beispielstadt\",\"postalCode\":\"12345\"}}",
                    "{\"externalRef\":\"S5\",\"country\":\"DE\",\"deceased\":true,\"emails\":[\"s5@example.org\"],"
                            + "\"nextOfKin\":{\"name\":\"Test Kin\",\"address\":{\"lines\":[\"Beispielweg 2\"],\"city\":\"Beispielstadt\"}}}",
                    "{\"externalRef\":\"S6\",\"country\":\"FR\",\"birthYear\":" + childYear + "}"));
            JsonPath holdings = Imports.importCsv("holdings", w.source, String.join("\n",
                    "external_ref,system,category,since,until",
                    "S1," + w.crm + ",CONTACT,2020-01-01,",
                    "S1," + w.billing + ",PAYMENT_CARD,2021-01-01,",
                    "S2," + w.crm + ",CONTACT,2023-06-01,",
                    "S2," + w.crm + ",IDENTITY,2023-06-01,",
                    "S3," + w.crm + ",CONTACT,2019-01-01,2022-12-31",
                    "S4," + w.billing + ",FINANCIAL_ACCOUNT,2020-01-01,",
                    "S5," + w.hr + ",HEALTH,,",
                    "S6," + w.crm + ",CONTACT,2020-01-01,", ""));
            assertEquals(8, holdings.getInt("rowsAccepted"), holdings.prettify());
            return w;
        }
    }

    private static JsonPath scope(UUID incident, String selectors) {
        return TestUsers.asAnalyst().contentType("application/json").body(selectors)
                .put("/api/incidents/" + incident + "/scope").then().statusCode(200).extract().jsonPath();
    }

    /** external reference → exposed categories, as stored. */
    private static Map<String, List<String>> affected(UUID incident) {
        Map<String, List<String>> out = new TreeMap<>();
        for (Map<String, Object> r : Db.rows("""
                SELECT d.external_ref, array_to_string(a.categories, ',') AS categories FROM affected_subject a
                  JOIN data_subject d ON d.id = a.subject_id WHERE a.incident_id = ?""", incident)) {
            out.put((String) r.get("external_ref"), List.of(((String) r.get("categories")).split(",")));
        }
        return out;
    }

    @Test
    void systemsAndCategoriesSelectTheSubjectsHoldingThem() {
        World w = World.create();
        UUID incident = Incidents.aDraftIncident();

        JsonPath result = scope(incident, "{\"systems\":[\"" + w.crm + "\"],\"categories\":[\"CONTACT\"]}");

        assertEquals(4, result.getInt("affected"));
        assertEquals(0, result.getInt("previouslyAffected"));
        assertEquals("SELECTORS", result.getString("method"));
        assertEquals("/api/incidents/" + incident + "/affected/summary", result.getString("summary"));
        assertEquals(Map.of("S1", List.of("CONTACT"), "S2", List.of("CONTACT"), "S3", List.of("CONTACT"),
                "S6", List.of("CONTACT")), affected(incident));

        scope(incident, "{\"systems\":[\"" + w.crm + "\"]}");
        assertEquals(List.of("CONTACT", "IDENTITY"), affected(incident).get("S2"), "every category held, per subject");
    }

    @Test
    void theTimeWindowKeepsHoldingsHeldAtSomeTimeInIt() {
        World w = World.create();
        UUID incident = Incidents.aDraftIncident();

        scope(incident, "{\"systems\":[\"" + w.crm + "\"],\"categories\":[\"CONTACT\"],\"from\":\"2023-01-01\",\"to\":\"2023-12-31\"}");
        assertEquals(List.of("S1", "S2", "S6"), List.copyOf(affected(incident).keySet()), "S3's holding ended in 2022");

        scope(incident, "{\"systems\":[\"" + w.crm + "\"],\"to\":\"2020-06-30\"}");
        assertEquals(List.of("S1", "S3", "S6"), List.copyOf(affected(incident).keySet()), "S2's holding began in 2023");
    }

    @Test
    void jurisdictionsNarrowTheScopeByCountryOrRegion() {
        World w = World.create();
        UUID incident = Incidents.aDraftIncident();

        scope(incident, "{\"systems\":[\"" + w.crm + "\",\"" + w.billing + "\"],\"jurisdictions\":[\"US-CA\",\"DE\"]}");

        assertEquals(Map.of("S1", List.of("CONTACT", "PAYMENT_CARD"), "S4", List.of("FINANCIAL_ACCOUNT")), affected(incident));
    }

    @Test
    void runningTheScopeAgainReplacesTheSetAndIsAudited() {
        World w = World.create();
        UUID incident = Incidents.aDraftIncident();
        scope(incident, "{\"systems\":[\"" + w.crm + "\"]}");
        assertEquals(4, affected(incident).size());

        scope(incident, "{\"systems\":[\"" + w.hr + "\"]}");

        assertEquals(Map.of("S5", List.of("HEALTH")), affected(incident), "nothing of the first run is left");
        List<Map<String, Object>> audit = Db.rows("""
                SELECT action, actor, summary FROM audit_entry WHERE entity_type = 'incident' AND entity_id = ?
                   AND action LIKE 'scope%' ORDER BY seq""",
                incident.toString());
        assertEquals(List.of("scope-defined", "scope-defined"), audit.stream().map(a -> a.get("action")).toList());
        assertEquals("analyst", audit.get(1).get("actor"));
        assertTrue(audit.get(1).get("summary").toString().contains("\"previouslyAffected\":4"), audit.get(1).toString());
        assertTrue(audit.get(1).get("summary").toString().contains("\"affected\":1"));
    }

    @Test
    void theSummaryCountsJurisdictionsCategoriesMinorsAndReachability() {
        World w = World.create();
        UUID incident = Incidents.aDraftIncident();
        scope(incident, "{\"systems\":[\"" + w.crm + "\",\"" + w.billing + "\",\"" + w.hr + "\"]}");

        TestUsers.asAuditor().get("/api/incidents/" + incident + "/affected/summary").then().statusCode(200)
                .body("total", equalTo(6))
                .body("byJurisdiction.size()", equalTo(5))
                .body("byJurisdiction[0].country", equalTo("DE"))
                .body("byJurisdiction[0].region", equalTo(null))
                .body("byJurisdiction[0].subjects", equalTo(2))
                .body("byJurisdiction.find { it.region == 'US-CA' }.subjects", equalTo(1))
                .body("byJurisdiction.find { it.region == 'US-NY' }.subjects", equalTo(1))
                .body("byJurisdiction.find { it.region == 'GB-ENG' }.subjects", equalTo(1))
                .body("byJurisdiction.find { it.country == 'FR' }.subjects", equalTo(1))
                .body("byCategory.category", equalTo(List.of("CONTACT", "IDENTITY", "PAYMENT_CARD", "FINANCIAL_ACCOUNT", "HEALTH")))
                .body("byCategory.subjects", equalTo(List.of(4, 1, 1, 1, 1)))
                .body("minors", equalTo(2))
                .body("deceased", equalTo(1))
                .body("reachability.email", equalTo(2))
                .body("reachability.phone", equalTo(2))
                .body("reachability.push", equalTo(1))
                .body("reachability.postal", equalTo(2))
                .body("reachability.nothing", equalTo(1));
    }

    @Test
    void anUploadedListReplacesTheSetAndReportsRowsThatMatchNoSubject() {
        World w = World.create();
        UUID incident = Incidents.aDraftIncident();
        scope(incident, "{\"systems\":[\"" + w.crm + "\"]}");

        JsonPath result = TestUsers.asAnalyst().contentType("text/csv; charset=utf-8")
                .queryParam("source", w.source).queryParam("categories", "CONTACT")
                .body(String.join("\n", "external_ref,categories",
                        "S1,CONTACT;CREDENTIALS",
                        "S2,",
                        "NOPE,CONTACT",
                        ",CONTACT",
                        "S1,IDENTITY",
                        "S4,SHOE_SIZE", ""))
                .post("/api/incidents/" + incident + "/affected").then().statusCode(200).extract().jsonPath();

        assertEquals(6, result.getInt("listedRows"));
        assertEquals(2, result.getInt("affected"));
        assertEquals(3, result.getInt("unmatched"));
        assertEquals(List.of(4, 5, 7), result.getList("firstUnmatched.row", Integer.class));
        assertEquals("no subject with this reference in source system '" + w.source + "'",
                result.getString("firstUnmatched[0].reason"));
        assertEquals("NOPE", result.getString("firstUnmatched[0].externalRef"));
        assertEquals("external_ref is missing", result.getString("firstUnmatched[1].reason"));
        assertEquals("categories: [SHOE_SIZE] not data categories", result.getString("firstUnmatched[2].reason"));
        TestUsers.asAnalyst().get(result.getString("summary")).then().statusCode(200)
                .body("method", equalTo("LIST")).body("total", equalTo(2)).body("unmatchedRows", equalTo(3));
        assertEquals(Map.of("S1", List.of("CONTACT", "CREDENTIALS", "IDENTITY"), "S2", List.of("CONTACT")),
                affected(incident), "the list replaced the scope; a subject listed twice has the union");
        TestUsers.asOfficer().queryParam("size", 2).get("/api/incidents/" + incident + "/affected/unmatched").then()
                .statusCode(200).body("total", equalTo(3)).body("items.row", equalTo(List.of(4, 5)));
        assertEquals("affected-list-uploaded", Db.rows("""
                SELECT action FROM audit_entry WHERE entity_type = 'incident' AND entity_id = ? ORDER BY seq DESC LIMIT 1""",
                incident.toString()).get(0).get("action"));
    }

    @Test
    void aListThatCannotBeReadLeavesTheEarlierSetUntouched() {
        World w = World.create();
        UUID incident = Incidents.aDraftIncident();
        scope(incident, "{\"systems\":[\"" + w.hr + "\"]}");

        TestUsers.asAnalyst().contentType("text/csv; charset=utf-8").queryParam("source", w.source)
                .body("external_ref,shoe_size\nS1,9\n")
                .post("/api/incidents/" + incident + "/affected").then().statusCode(400)
                .body("errors[0].field", equalTo("body"));

        assertEquals(Map.of("S5", List.of("HEALTH")), affected(incident));
    }

    @Test
    void selectorsAreValidatedAndOnlyAnalystsDefineTheScope() {
        UUID incident = Incidents.aDraftIncident();
        TestUsers.asAnalyst().contentType("application/json").body("{\"systems\":[]}")
                .put("/api/incidents/" + incident + "/scope").then().statusCode(400).body("errors[0].field", equalTo("systems"));
        TestUsers.asAnalyst().contentType("application/json")
                .body("{\"systems\":[\"crm\"],\"from\":\"2024-02-01\",\"to\":\"2024-01-01\"}")
                .put("/api/incidents/" + incident + "/scope").then().statusCode(400).body("errors[0].field", equalTo("to"));
        TestUsers.asAnalyst().contentType("application/json").body("{\"systems\":[\"crm\"],\"jurisdictions\":[\"California\"]}")
                .put("/api/incidents/" + incident + "/scope").then().statusCode(400)
                .body("errors[0].field", equalTo("jurisdictions[0]"));
        TestUsers.asAnalyst().contentType("application/json").body("{\"systems\":[\"crm\"],\"categories\":[\"SHOES\"]}")
                .put("/api/incidents/" + incident + "/scope").then().statusCode(400);
        TestUsers.asAuditor().contentType("application/json").body("{\"systems\":[\"crm\"]}")
                .put("/api/incidents/" + incident + "/scope").then().statusCode(403);
        TestUsers.asOfficer().contentType("text/csv; charset=utf-8").body("external_ref\nX\n")
                .post("/api/incidents/" + incident + "/affected").then().statusCode(403);
        TestUsers.asAuditor().get("/api/incidents/" + incident + "/affected/summary").then().statusCode(200)
                .body("total", equalTo(0)).body("method", equalTo(null));
    }

    @Test
    void anIncidentThatDoesNotExistHasNoAffectedSetAndGetsNone() {
        World w = World.create();
        UUID unknown = UUID.randomUUID();
        TestUsers.asAnalyst().contentType("application/json").body("{\"systems\":[\"" + w.crm + "\"]}")
                .put("/api/incidents/" + unknown + "/scope").then().statusCode(404)
                .contentType("application/problem+json");
        TestUsers.asAnalyst().contentType("text/csv; charset=utf-8").queryParam("source", w.source)
                .body("external_ref\nS1\n")
                .post("/api/incidents/" + unknown + "/affected").then().statusCode(404);
        TestUsers.asAuditor().get("/api/incidents/" + unknown + "/affected/summary").then().statusCode(404);
        TestUsers.asAuditor().get("/api/incidents/" + unknown + "/affected/unmatched").then().statusCode(404);

        assertEquals(0L, Db.rows("SELECT count(*) AS n FROM affected_subject WHERE incident_id = ?", unknown)
                .get(0).get("n"));
    }
}
