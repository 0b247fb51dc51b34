package org.herald.subject.imports;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.herald.subject.Db;
import org.herald.subject.Imports;
import org.herald.subject.SubjectRows;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.Test;

/** The streaming import: every bad row reported with its reason, every good row kept, re-runs change nothing. */
@QuarkusTest
class SubjectImportTest {

    /** A defect planted in a good row, and what the import must say about it. */
    private record Defect(String field, String reasonStart) {
    }

    private static final List<Defect> DEFECTS = List.of(
            new Defect("emails[0]", "is not a valid e-mail address"),
            new Defect("phones[0]", "unparseable phone"),
            new Defect("country", "unknown country"),
            new Defect("external_ref", "is missing"),
            new Defect("region", "'GB-ENG' is not an ISO 3166-2 code of US"),
            new Defect("birth_year", "must be a year"),
            new Defect("locale", "'en-GB!!' is not a BCP 47 language tag"),
            new Defect("minor", "must be true or false"),
            new Defect("channel_preference[0]", "'FAX' is not one of"),
            new Defect("row", "has 3 fields where the header has 18"));

    private static String withDefect(String source, int n, int kind) {
        String[] f = SubjectRows.adult(source, n).split(",", -1);
        switch (kind) {
            case 0 -> f[9] = "not-an-email";
            case 1 -> f[10] = "call me maybe";
            case 2 -> f[4] = "XX";
            case 3 -> f[1] = "";
            case 4 -> f[5] = "GB-ENG";
            case 5 -> f[7] = "19x0";
            case 6 -> f[3] = "en-GB!!";
            case 7 -> f[6] = "maybe";
            case 8 -> f[16] = "FAX;EMAIL";
            case 9 -> {
                return String.join(",", f[0], f[1], f[2]);
            }
            default -> throw new IllegalArgumentException();
        }
        return String.join(",", f);
    }

    @Test
    void aThousandMalformedRowsAreEachReportedAndEveryGoodRowIsKept() throws IOException {
        String source = "malformed-mix";
        List<String> rows = new ArrayList<>();
        Map<Long, Defect> expected = new HashMap<>();
        Set<String> goodRefs = new HashSet<>();
        int bad = 0;
        for (int i = 0; i < 4_000; i++) {
            if (i % 4 == 3) {
                int kind = bad % DEFECTS.size();
                rows.add(withDefect(source, 100_000 + i, kind));
                expected.put((long) rows.size() + 1, DEFECTS.get(kind)); // the header is row 1
                bad++;
            } else {
                rows.add(SubjectRows.adult(source, i));
                goodRefs.add(SubjectRows.ref(i));
            }
        }
        assertEquals(1_000, bad);

        JsonPath done = Imports.importCsv("subjects", null, SubjectRows.csv(rows));

        assertEquals("COMPLETED", done.getString("status"));
        assertEquals(4_000, done.getInt("rowsRead"));
        assertEquals(3_000, done.getInt("rowsAccepted"));
        assertEquals(1_000, done.getInt("rowsRejected"));
        assertEquals(3_000, done.getInt("rowsChanged"));
        assertEquals(1_000, done.getInt("errors.total"));
        assertEquals(100, done.getInt("percent"));

        String csv = TestUsers.asAnalyst().get("/api/subjects/imports/" + done.getString("id") + "/errors.csv")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        List<CSVRecord> errors = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertEquals(1_000, errors.size(), "one error per malformed row");
        for (CSVRecord e : errors) {
            Defect defect = expected.remove(Long.parseLong(e.get("row")));
            assertTrue(defect != null, "row " + e.get("row") + " was good but reported: " + e.toMap());
            assertEquals(defect.field(), e.get("field"), "field of row " + e.get("row"));
            assertTrue(e.get("reason").startsWith(defect.reasonStart()),
                    "reason of row " + e.get("row") + ": " + e.get("reason"));
        }
        assertTrue(expected.isEmpty(), "malformed rows not reported: " + expected.keySet());

        Set<String> stored = Db.rows("SELECT external_ref FROM data_subject WHERE source_system = ?", source).stream()
                .map(r -> (String) r.get("external_ref")).collect(Collectors.toSet());
        assertEquals(goodRefs, stored);
        assertEquals(6_000, Db.count("""
                SELECT count(*) FROM subject_contact c JOIN data_subject s ON s.id = c.subject_id
                 WHERE s.source_system = ?""", source), "one e-mail and one phone per good subject");
    }

    @Test
    void sendingTheSameFileAgainChangesNothing() {
        String source = "idempotent";
        List<String> rows = IntStream.range(0, 300)
                .mapToObj(n -> n % 3 == 0 ? SubjectRows.minor(source, n) : SubjectRows.adult(source, n)).toList();
        String file = SubjectRows.csv(rows);
        JsonPath first = Imports.importCsv("subjects", null, file);
        assertEquals(300, first.getInt("rowsChanged"));
        List<Map<String, Object>> subjectsBefore = subjects(source);
        List<Map<String, Object>> contactsBefore = contacts(source);
        List<Map<String, Object>> addressesBefore = addresses(source);

        JsonPath second = Imports.importCsv("subjects", null, file);

        assertEquals("COMPLETED", second.getString("status"));
        assertEquals(300, second.getInt("rowsAccepted"));
        assertEquals(0, second.getInt("rowsChanged"));
        assertEquals(subjectsBefore, subjects(source), "subjects, ciphertexts and timestamps untouched");
        assertEquals(contactsBefore, contacts(source), "no duplicate or rewritten contact rows");
        assertEquals(addressesBefore, addresses(source));
        assertEquals(600, contactsBefore.size(), "adults: e-mail and phone; minors: phone and guardian e-mail");
    }

    @Test
    void theSameContentAsNdjsonIsAlsoUnchanged() {
        String source = "same-content";
        Imports.importCsv("subjects", null, SubjectRows.csv(List.of(SubjectRows.adult(source, 1))));
        String ndjson = """
                {"sourceSystem":"same-content","externalRef":"REF-1","displayName":"Test Person 1","locale":"en-US","country":"US","region":"US-CA","minor":false,"birthYear":1980,"deceased":false,"emails":["person1@example.org"],"phones":["+12015550101"],"address":{"lines":["1 Example Street"],"city":"Springfield","postalCode":"90210"},"channelPreference":["EMAIL","SMS"],"marketingOptOut":true}
                """;
        JsonPath again = Imports.importNdjson("subjects", null, ndjson);
        assertEquals(1, again.getInt("rowsAccepted"), again.prettify());
        assertEquals(0, again.getInt("rowsChanged"), "the content hash covers normalised values, not the format");
    }

    @Test
    void aChangedRowReplacesOnlyTheContactPointsThatChanged() {
        String source = "changed-row";
        String header = "external_ref,country,emails,phones";
        Imports.importCsv("subjects", source, header + "\nC-1,US,old@example.org;kept@example.org,2015550111\n");
        Map<String, Object> keptBefore = contactNamed(source, "kept@example.org");
        Map<String, Object> phoneBefore = contactNamed(source, "+12015550111");

        JsonPath done = Imports.importCsv("subjects", source, header + "\nC-1,US,kept@example.org;new@example.org,2015550111\n");

        assertEquals(1, done.getInt("rowsChanged"));
        List<String> values = contacts(source).stream().map(c -> (String) c.get("value")).sorted().toList();
        assertEquals(List.of("+12015550111", "kept@example.org", "new@example.org"), values);
        assertEquals(keptBefore.get("id"), contactNamed(source, "kept@example.org").get("id"), "unchanged e-mail kept its row");
        assertEquals(phoneBefore.get("id"), contactNamed(source, "+12015550111").get("id"));
        assertEquals(0, ((Number) contactNamed(source, "kept@example.org").get("position")).intValue(),
                "kept@ moved to the front");
    }

    @Test
    void anImportCutOffHalfwayIsFinishedBySendingTheWholeFileAgain() {
        String source = "cut-off";
        List<String> rows = IntStream.range(0, 1_000).mapToObj(n -> SubjectRows.adult(source, n)).toList();
        Imports.importCsv("subjects", null, SubjectRows.csv(rows.subList(0, 600)));

        JsonPath rerun = Imports.importCsv("subjects", null, SubjectRows.csv(rows));

        assertEquals(1_000, rerun.getInt("rowsAccepted"));
        assertEquals(400, rerun.getInt("rowsChanged"), "only the rows the first run did not reach");
        assertEquals(1_000, Db.count("SELECT count(*) FROM data_subject WHERE source_system = ?", source));
        assertEquals(2_000, Db.count("""
                SELECT count(*) FROM subject_contact c JOIN data_subject s ON s.id = c.subject_id
                 WHERE s.source_system = ?""", source));
    }

    @Test
    void ndjsonRowsAreReadWithNestedPartsAndTheirErrorsNamedByPath() {
        String source = "ndjson";
        String apns = "a".repeat(64);
        String body = String.join("\n",
                "{\"externalRef\":\"N-1\",\"country\":\"GB\",\"displayName\":\"Test Child\",\"minor\":true,\"birthYear\":2015,"
                        + "\"phones\":[\"07400 123456\"],\"push\":[{\"platform\":\"APNS\",\"token\":\"" + apns + "\"},"
                        + "{\"platform\":\"WEBPUSH\",\"subscription\":{\"endpoint\":\"https://push.example.org/sub/1\","
                        + "\"keys\":{\"p256dh\":\"BExampleKey\",\"auth\":\"ExampleAuth\"}}}],"
                        + "\"address\":{\"lines\":[\"1 Example Street\",\"Flat 2\"],\"city\":\"Exampleton\",\"postalCode\":\"EX1 1AA\"},"
                        + "\"guardian\":{\"name\":\"Test Guardian\",\"emails\":[\"guardian@example.org\"],"
                        + "\"address\":{\"lines\":[\"9 Example Road\"],\"country\":\"FR\"}}}",
                "",
                "{\"externalRef\":\"N-2\",\"country\":\"GB\",\"guardian\":{\"emial\":\"x@example.org\"}}",
                "{\"externalRef\":\"N-3\",\"country\":\"GB\",",
                "{\"externalRef\":\"N-4\",\"country\":\"GB\",\"push\":[{\"platform\":\"APNS\",\"token\":\"not-hex\"}]}",
                "[1,2,3]",
                "{\"externalRef\":\"N-5\",\"country\":\"GB\",\"emails\":\"single@example.org\"}");

        JsonPath done = Imports.importNdjson("subjects", source, body);

        assertEquals(6, done.getInt("rowsRead"), "the blank line is no row");
        assertEquals(2, done.getInt("rowsAccepted"));
        assertEquals(List.of(3, 4, 5, 6), done.getList("errors.items.row", Integer.class));
        assertEquals(List.of("guardian.emial", "line", "push[0]", "line"), done.getList("errors.items.field", String.class));
        List<String> reasons = done.getList("errors.items.reason", String.class);
        assertEquals("unknown field", reasons.get(0));
        assertTrue(reasons.get(1).startsWith("is not valid JSON"), reasons.get(1));
        assertEquals("is not an APNs device token (64 or more hexadecimal digits)", reasons.get(2));
        assertEquals("is not a JSON object", reasons.get(3));

        TestUsers.asOfficer().queryParam("email", "GUARDIAN@example.org").get("/api/subjects").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].externalRef", equalTo("N-1"))
                .body("items[0].minor", equalTo(true))
                .body("items[0].phones[0].value", equalTo("+447400123456"))
                .body("items[0].phones[0].lineType", equalTo("MOBILE"))
                .body("items[0].push.platform", equalTo(List.of("APNS", "WEBPUSH")))
                .body("items[0].push[0].token", equalTo(apns))
                .body("items[0].address.lines", equalTo(List.of("1 Example Street", "Flat 2")))
                .body("items[0].address.country", equalTo("GB"))
                .body("items[0].guardian.name", equalTo("Test Guardian"))
                .body("items[0].guardian.address.country", equalTo("FR"));
    }

    @Test
    void holdingsAttachToKnownSubjectsAndUnknownReferencesAreReported() {
        String source = "holdings";
        Imports.importCsv("subjects", source, "external_ref,country\nH-1,US\nH-2,DE\n");
        String holdings = """
                external_ref,system,category,since,until
                H-1,crm,CONTACT,2020-01-01,
                H-1,billing,PAYMENT_CARD,2021-06-30,2024-01-31
                H-2,crm,contact,,
                H-9,crm,CONTACT,2020-01-01,
                H-2,crm,SHOE_SIZE,2020-01-01,
                H-2,billing,FINANCIAL_ACCOUNT,2024-01-01,2023-01-01
                """;

        JsonPath done = Imports.importCsv("holdings", source, holdings);

        assertEquals(6, done.getInt("rowsRead"));
        assertEquals(3, done.getInt("rowsAccepted"));
        assertEquals(3, done.getInt("rowsRejected"));
        assertEquals(List.of(5, 6, 7), done.getList("errors.items.row", Integer.class));
        assertEquals(List.of("external_ref", "category", "until"), done.getList("errors.items.field", String.class));
        assertEquals("no subject with this reference in source system 'holdings'", done.getString("errors.items[0].reason"));
        assertEquals(0, Imports.importCsv("holdings", source, holdings).getInt("rowsChanged"), "a re-run changes nothing");

        List<Map<String, Object>> stored = Db.rows("""
                SELECT h.system_name, h.category, h.since::text AS since, h.until::text AS until
                  FROM subject_holding h JOIN data_subject s ON s.id = h.subject_id
                 WHERE s.source_system = ? ORDER BY s.external_ref, h.system_name""", source);
        assertEquals(3, stored.size());
        assertEquals(Map.of("system_name", "billing", "category", "PAYMENT_CARD", "since", "2021-06-30", "until", "2024-01-31"),
                stored.get(0));
    }

    @Test
    void anUploadFarAboveTheGeneralBodyLimitIsStreamedWhileOtherEndpointsKeepIt() {
        String source = "large-body";
        StringBuilder body = new StringBuilder(SubjectRows.HEADER).append('\n');
        int n = 0;
        while (body.length() < 3 * 1024 * 1024) {
            body.append(SubjectRows.adult(source, n++)).append('\n');
        }
        JsonPath done = Imports.importCsv("subjects", null, body.toString());
        assertEquals(n, done.getInt("rowsAccepted"));
        assertTrue(done.getLong("bytesTotal") > 3 * 1024 * 1024);

        TestUsers.asAdmin().contentType("application/json").body("{\"username\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}")
                .post("/api/users").then().statusCode(413);
    }

    @Test
    void aBodyThatCannotBeReadIsRefusedBeforeItIsAccepted() {
        TestUsers.asAnalyst().contentType("text/csv; charset=utf-8").body("external_ref,country,shoe_size\nX,US,9\n")
                .queryParam("type", "subjects").post("/api/subjects/imports").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("header"))
                .body("errors[0].message", org.hamcrest.Matchers.startsWith("unknown column(s) [shoe_size]"));
        TestUsers.asAnalyst().contentType("text/csv; charset=utf-8").body("external_ref\nX\n")
                .queryParam("type", "subjects").post("/api/subjects/imports").then().statusCode(400)
                .body("errors[0].message", equalTo("required column(s) missing: [country]"));
        TestUsers.asAnalyst().contentType("text/csv; charset=iso-8859-1").body("external_ref,country\nX,US\n")
                .queryParam("type", "subjects").post("/api/subjects/imports").then().statusCode(415);
        TestUsers.asAnalyst().contentType("application/json").body("{}")
                .queryParam("type", "subjects").post("/api/subjects/imports").then().statusCode(415);
        TestUsers.asAnalyst().contentType("text/csv; charset=utf-8").body("external_ref,country\nX,US\n")
                .queryParam("type", "people").post("/api/subjects/imports").then().statusCode(400)
                .body("errors[0].field", equalTo("type"));
    }

    @Test
    void onlyAnalystsAndAdminsImportButEveryRoleReadsProgress() {
        String id = Imports.importCsv("subjects", "roles", "external_ref,country\nR-1,US\n").getString("id");
        TestUsers.asAuditor().contentType("text/csv; charset=utf-8").body("external_ref,country\nR-2,US\n")
                .queryParam("type", "subjects").post("/api/subjects/imports").then().statusCode(403);
        TestUsers.asOfficer().contentType("text/csv; charset=utf-8").body("external_ref,country\nR-2,US\n")
                .queryParam("type", "subjects").post("/api/subjects/imports").then().statusCode(403);
        TestUsers.anonymous().contentType("text/csv; charset=utf-8").body("external_ref,country\nR-2,US\n")
                .queryParam("type", "subjects").post("/api/subjects/imports").then().statusCode(401);
        TestUsers.asAuditor().get("/api/subjects/imports/" + id).then().statusCode(200).body("status", equalTo("COMPLETED"));
        TestUsers.asOfficer().get("/api/subjects/imports/" + id + "/errors.csv").then().statusCode(200);
        TestUsers.asAnalyst().get("/api/subjects/imports/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void anImportIsAuditedWithCountsButNoPersonalData() {
        String id = Imports.importCsv("subjects", "audited", "external_ref,country,emails\nA-1,US,audited@example.org\n")
                .getString("id");
        List<Map<String, Object>> entries = Db.rows(
                "SELECT action, actor, summary FROM audit_entry WHERE entity_type = 'subject-import' AND entity_id = ? ORDER BY seq", id);
        assertEquals(List.of("received", "completed"), entries.stream().map(e -> e.get("action")).toList());
        assertEquals("analyst", entries.get(1).get("actor"));
        assertTrue(entries.stream().noneMatch(e -> e.get("summary").toString().contains("audited@")));
    }

    private static List<Map<String, Object>> subjects(String source) {
        return Db.rows("""
                SELECT id, display_name_enc, guardian_name_enc, content_hash, created_at, updated_at, last_import_id
                  FROM data_subject WHERE source_system = ? ORDER BY external_ref""", source);
    }

    private static List<Map<String, Object>> addresses(String source) {
        return Db.rows("""
                SELECT a.subject_id, a.owner, a.address_enc FROM subject_postal_address a
                  JOIN data_subject s ON s.id = a.subject_id WHERE s.source_system = ? ORDER BY 1, 2""", source);
    }

    /** Contact rows with their values opened, to compare by value. */
    private static List<Map<String, Object>> contacts(String source) {
        org.herald.security.FieldCipher cipher = jakarta.enterprise.inject.spi.CDI.current()
                .select(org.herald.security.FieldCipher.class).get();
        List<Map<String, Object>> rows = Db.rows("""
                SELECT c.id, c.owner, c.kind, c.value_enc, c.value_index, c.position FROM subject_contact c
                  JOIN data_subject s ON s.id = c.subject_id WHERE s.source_system = ? ORDER BY c.id""", source);
        rows.forEach(r -> r.put("value", cipher.decrypt((String) r.get("value_enc"))));
        return rows;
    }

    private static Map<String, Object> contactNamed(String source, String value) {
        return contacts(source).stream().filter(c -> value.equals(c.get("value"))).findFirst()
                .orElseThrow(() -> new AssertionError("no contact " + value));
    }
}
