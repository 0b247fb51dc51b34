package org.herald.notice;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.herald.subject.Imports;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * Herald's promise end to end, with every feature real: an analyst records a breach and its scope,
 * the rules say who must be told, a campaign planned by one person and approved by another notifies
 * the affected people in their language, the one person Herald cannot reach is counted and the
 * announcement decision sees them, and the regulator report carries the delivery figures.
 */
@QuarkusTest
@TestProfile(NoticeProfile.class)
class BreachToNoticeStoryTest {

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    private String email(String who) {
        return who + "-" + tag + "@example.org";
    }

    @Test
    void aBreachIsRecordedAssessedNotifiedAndReported() throws Exception {
        // An analyst records the breach with the notice content in English and Chinese.
        String system = "story-crm-" + tag;
        UUID id = NoticeWorld.recordBreach("Story breach " + tag, system);

        // The registry knows three Californians and one person in China; one Californian has no contact point.
        String source = "story-" + tag;
        Imports.importNdjson("subjects", source, String.join("\n",
                "{\"externalRef\":\"CA1\",\"locale\":\"en-US\",\"country\":\"US\",\"region\":\"US-CA\",\"emails\":[\"" + email("ca1") + "\"]}",
                "{\"externalRef\":\"CA2\",\"locale\":\"en-US\",\"country\":\"US\",\"region\":\"US-CA\",\"emails\":[\"" + email("ca2") + "\"]}",
                "{\"externalRef\":\"CA3\",\"locale\":\"en-US\",\"country\":\"US\",\"region\":\"US-CA\"}",
                "{\"externalRef\":\"CN1\",\"locale\":\"zh-CN\",\"country\":\"CN\",\"emails\":[\"" + email("cn1") + "\"]}"));
        Imports.importCsv("holdings", source, "external_ref,system,category\nCA1," + system + ",CONTACT\nCA2," + system
                + ",CONTACT\nCA3," + system + ",CONTACT\nCN1," + system + ",IDENTITY\n");
        TestUsers.asAnalyst().contentType(ContentType.JSON).body(Map.of("systems", List.of(system)))
                .put("/api/incidents/" + id + "/scope").then().statusCode(200);

        // The privacy officer runs the rules: California and China both demand individual notice.
        TestUsers.asOfficer().contentType(ContentType.JSON).body(Map.of("riskLevel", "high"))
                .post("/api/incidents/" + id + "/assessment").then().log().ifValidationFails().statusCode(200);
        JsonPath obligations = TestUsers.asAuditor().get("/api/incidents/" + id + "/obligations").then().statusCode(200)
                .extract().jsonPath();
        List<String> individual = obligations.getList("findAll { it.kind == 'INDIVIDUAL_NOTICE' }.jurisdiction");
        assertThat(individual).contains("US-CA", "CN");
        assertThat(obligations.getString("find { it.kind == 'INDIVIDUAL_NOTICE' && it.jurisdiction == 'US-CA' }.reason"))
                .isNotBlank();

        // The analyst plans, an officer approves, the campaign runs to its end.
        String campaign = TestUsers.asAnalyst().post("/api/incidents/" + id + "/campaigns").then().log().ifValidationFails()
                .statusCode(201).extract().path("id");
        NoticeWorld.approveAndStart(campaign);
        JsonPath done = NoticeWorld.awaitStatus(campaign, "COMPLETED");
        assertThat(done.getInt("progress.percentDone")).isEqualTo(100);

        // Each reachable person got exactly one notice, in their language.
        for (String who : List.of("ca1", "ca2")) {
            List<MimeMessage> got = NoticeProviders.receivedBy(email(who));
            assertThat(got).as(who).hasSize(1);
            assertThat(got.get(0).getSubject()).startsWith("Notice of a data security incident");
        }
        List<MimeMessage> chinese = NoticeProviders.receivedBy(email("cn1"));
        assertThat(chinese).hasSize(1);
        assertThat(chinese.get(0).getSubject()).startsWith("个人信息安全事件告知");

        // The proof of notice names the obligation each notice fulfils.
        JsonPath proof = TestUsers.asAuditor().get("/api/campaigns/" + campaign + "/notices").then().statusCode(200)
                .extract().jsonPath();
        assertThat(proof.getList("items.obligations.flatten().regimeId", String.class))
                .contains("US-CA/CIV-1798.82");

        // The one Californian without any contact point is unreachable, and the announcement decision counts them.
        JsonPath decision = TestUsers.asOfficer().get("/api/incidents/" + id + "/announcements/decision").then()
                .log().ifValidationFails().statusCode(200).extract().jsonPath();
        assertThat(decision.getLong("affected")).isEqualTo(4);
        assertThat(decision.getLong("withoutContact")).isEqualTo(1);

        // Herald proposes the announcement, an officer publishes it.
        String announcement = TestUsers.asAnalyst().contentType(ContentType.JSON).body(Map.of())
                .post("/api/incidents/" + id + "/announcements").then().log().ifValidationFails().statusCode(201)
                .extract().path("id");
        String publicUrl = TestUsers.asOfficer().contentType(ContentType.JSON).body(Map.of())
                .post("/api/incidents/" + id + "/announcements/" + announcement + "/publish").then()
                .log().ifValidationFails().statusCode(200).extract().path("publicUrl");

        // The California attorney general's report is filled from the delivery facts.
        JsonPath report = TestUsers.asOfficer().get("/api/incidents/" + id + "/reports/us-ca-ag?format=json").then()
                .log().ifValidationFails().statusCode(200).extract().jsonPath();
        assertThat(report.getString("sections.find { it.key == 'delivery' }.fields.find { it.key == 'delivery.notified' }.value"))
                .isEqualTo("3");
        // ... and says when and where the public announcement went up.
        assertThat(report.getString("sections.find { it.key == 'announcement' }.fields.find { it.key == 'announcement.where' }.value"))
                .isEqualTo(publicUrl);
        assertThat(report.getString("sections.find { it.key == 'announcement' }.fields.find { it.key == 'announcement.publishedAt' }.value"))
                .endsWith("UTC");
        assertThat(report.getString("sections.find { it.key == 'submission' }.fields.find { it.key == 'date_of_notice' }.value"))
                .isNotBlank();

        // Every step left its trace in an intact audit chain.
        TestUsers.asAuditor().get("/api/audit/verify").then().statusCode(200);
    }
}
