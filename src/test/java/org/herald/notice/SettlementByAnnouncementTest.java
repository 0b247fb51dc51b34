package org.herald.notice;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.herald.subject.Db;
import org.herald.subject.Imports;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * California lets a public announcement replace individual notice for the whole class, with e-mail
 * still sent where Herald has an address. Once the announcement is published, the campaign's notices
 * to Californians are sent by e-mail only or settled; notices under another law go on unchanged.
 */
@QuarkusTest
@TestProfile(NoticeProfile.class)
class SettlementByAnnouncementTest {

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @Inject
    AnnouncementSettlements settlements;

    private String email(String who) {
        return who + "-" + tag + "@example.org";
    }

    @Test
    void aPublishedWholeClassAnnouncementSettlesTheNoticesItReplacesAndKeepsEmailWhereAvailable() {
        String system = "settle-crm-" + tag;
        UUID id = NoticeWorld.recordBreach("Settlement breach " + tag, system);

        // Californians: e-mail only, a postal address only, both (letter preferred), a phone only (California
        // allows no phone notice, so Herald cannot reach them), no contact at all; one person in China.
        String source = "settle-" + tag;
        String ca = "\"locale\":\"en-US\",\"country\":\"US\",\"region\":\"US-CA\"";
        String address = "\"address\":{\"lines\":[\"1 Example Street\"],\"city\":\"Exampleton\",\"region\":\"CA\","
                + "\"postalCode\":\"90001\",\"country\":\"US\"}";
        Imports.importNdjson("subjects", source, String.join("\n",
                "{\"externalRef\":\"MAIL\"," + ca + ",\"emails\":[\"" + email("mail") + "\"]}",
                "{\"externalRef\":\"POST\"," + ca + "," + address + "}",
                "{\"externalRef\":\"BOTH\"," + ca + ",\"emails\":[\"" + email("both") + "\"]," + address
                        + ",\"channelPreference\":[\"LETTER\",\"EMAIL\"]}",
                "{\"externalRef\":\"PHONE\"," + ca + ",\"phones\":[\"" + NoticeWorld.phone(71) + "\"]}",
                "{\"externalRef\":\"NONE\"," + ca + "}",
                "{\"externalRef\":\"CN\",\"locale\":\"zh-CN\",\"country\":\"CN\",\"emails\":[\"" + email("cn")
                        + "\"]}"));
        Imports.importCsv("holdings", source, "external_ref,system,category\nMAIL," + system + ",CONTACT\nPOST," + system
                + ",CONTACT\nBOTH," + system + ",CONTACT\nPHONE," + system + ",CONTACT\nNONE," + system + ",CONTACT\nCN,"
                + system + ",IDENTITY\n");
        TestUsers.asAnalyst().contentType(ContentType.JSON).body(Map.of("systems", List.of(system)))
                .put("/api/incidents/" + id + "/scope").then().statusCode(200);
        TestUsers.asOfficer().contentType(ContentType.JSON).body(Map.of("riskLevel", "high"))
                .post("/api/incidents/" + id + "/assessment").then().log().ifValidationFails().statusCode(200);

        String campaign = TestUsers.asAnalyst().post("/api/incidents/" + id + "/campaigns").then().log().ifValidationFails()
                .statusCode(201).extract().path("id");
        Map<String, Map<String, Object>> before = bySubject(campaign);
        assertThat(before.get("POST")).containsEntry("chain", "LETTER");
        assertThat(before.get("BOTH")).containsEntry("chain", "LETTER,EMAIL");
        assertThat(before.get("PHONE")).containsEntry("state", "UNREACHABLE");

        // Before any notice goes out, the officer publishes the announcement the rules allow.
        String announcement = TestUsers.asAnalyst().contentType(ContentType.JSON).body(Map.of())
                .post("/api/incidents/" + id + "/announcements").then().log().ifValidationFails().statusCode(201)
                .extract().path("id");
        JsonPath published = TestUsers.asOfficer().contentType(ContentType.JSON).body(Map.of())
                .post("/api/incidents/" + id + "/announcements/" + announcement + "/publish").then()
                .log().ifValidationFails().statusCode(200).extract().jsonPath();
        assertThat(published.getBoolean("settlements.find { it.jurisdiction == 'US-CA' }.wholeClass")).isTrue();
        assertThat(published.getBoolean("settlements.find { it.jurisdiction == 'US-CA' }.emailWhereAvailable")).isTrue();
        assertThat(published.getList("settlements.jurisdiction")).as("everyone in China can be reached one by one")
                .doesNotContain("CN");

        settlements.settle(id);

        Map<String, Map<String, Object>> after = bySubject(campaign);
        assertThat(after.get("POST")).containsEntry("state", "SETTLED");
        assertThat(after.get("POST").get("settled_by").toString()).isEqualTo(announcement);
        for (String emailOwed : List.of("MAIL", "BOTH")) {
            assertThat(after.get(emailOwed)).as(emailOwed).containsEntry("state", "QUEUED").containsEntry("chain", "EMAIL");
            assertThat(after.get(emailOwed).get("settled_by").toString()).isEqualTo(announcement);
        }
        assertThat(after.get("BOTH")).as("e-mail, further down the chain, becomes its only channel")
                .containsEntry("channel", "EMAIL");
        assertThat(after.get("PHONE")).containsEntry("state", "UNREACHABLE").containsEntry("settled_by", null);
        assertThat(after.get("CN")).as("Chinese law is not settled by a Californian announcement")
                .containsEntry("state", "QUEUED").containsEntry("settled_by", null)
                .containsEntry("chain", before.get("CN").get("chain"));
        // A second pass changes nothing more.
        assertThat(settlements.settle(id)).isEmpty();

        NoticeWorld.approveAndStart(campaign);
        JsonPath done = NoticeWorld.awaitStatus(campaign, "COMPLETED");
        assertThat(done.getLong("progress.settled")).isEqualTo(1);
        assertThat(done.getInt("progress.percentDone")).isEqualTo(100);
        assertThat(NoticeProviders.receivedBy(email("mail"))).hasSize(1);
        assertThat(NoticeProviders.receivedBy(email("both"))).hasSize(1);
        assertThat(Db.rows("SELECT 1 FROM notice_attempt WHERE notice_id = ?::uuid", after.get("POST").get("id")))
                .as("no letter is sent to the settled Californian").isEmpty();
        assertThat(Db.rows("SELECT channel FROM notice_attempt WHERE notice_id = ?::uuid", after.get("BOTH").get("id")))
                .extracting(r -> r.get("channel")).containsExactly("EMAIL");
        assertThat(NoticeProviders.receivedBy(email("cn"))).as("the person in China is notified as planned").hasSize(1);

        // The proof of notice says which announcement settled the notice.
        JsonPath proof = TestUsers.asAuditor().get("/api/campaigns/" + campaign + "/notices").then().statusCode(200)
                .extract().jsonPath();
        assertThat(proof.getList("items.findAll { it.state == 'SETTLED' }.settledBy", String.class))
                .containsExactly(announcement);
        String csv = TestUsers.asAuditor().get("/api/campaigns/" + campaign + "/notices.csv").then().statusCode(200)
                .extract().asString();
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",settled_by_announcement");
        assertThat(csv).contains("SETTLED").contains(announcement);
        // Settling is on the campaign's audit trail.
        assertThat(Db.rows("SELECT action FROM audit_entry WHERE entity_id = ? AND action = 'settled-by-announcement'",
                campaign)).hasSize(1);
    }

    /** The campaign's notices by the subject's external reference. */
    private Map<String, Map<String, Object>> bySubject(String campaign) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Map<String, Object> row : Db.rows("""
                SELECT s.external_ref AS ref, n.id::text AS id, n.state, n.chain, n.channel, n.settled_by::text AS settled_by
                  FROM notice n JOIN data_subject s ON s.id = n.subject_id
                 WHERE n.campaign_id = ?::uuid""", campaign)) {
            out.put((String) row.get("ref"), row);
        }
        return out;
    }
}
