package org.herald.notice;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.herald.rules.Obligations;
import org.herald.subject.Db;
import org.herald.testing.Fakes;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plan → four-eyes approval → start → e-mails at a real SMTP server, with proof of notice. */
@QuarkusTest
@TestProfile(NoticeProfile.class)
class CampaignFlowTest {

    private final FakeObligations obligations = new FakeObligations();

    @jakarta.inject.Inject
    DeliveryStatisticsSource statistics;

    @BeforeEach
    void rules() {
        Fakes.install(obligations, Obligations.class);
    }

    private NoticeWorld emailWorld(int subjects) {
        NoticeWorld w = new NoticeWorld();
        for (int i = 1; i <= subjects; i++) {
            w.subject("S" + i, w.email("person" + i), "", "EMAIL");
        }
        w.affected();
        obligations.set(w.incident, List.of(NoticeWorld.terms("US-CA/CIV-1798.82", Set.of("US"),
                List.of("email", "postal_mail"), Instant.now().plus(30, ChronoUnit.DAYS))));
        return w;
    }

    @Test
    void planningAnalysesTheNoticeTableSoTheClaimIsPlannedOnCurrentStatistics() {
        // Statistics left by an earlier, finished campaign describe no queued notice at all; a
        // campaign started on them ran at half speed (docs/performance.md).
        long before = analyses();
        NoticeWorld w = emailWorld(2);

        w.plan();

        assertEquals(before + 1, analyses());
    }

    private static long analyses() {
        return Db.count("SELECT analyze_count FROM pg_stat_user_tables WHERE relname = 'notice'");
    }

    @Test
    void aPlannedApprovedAndStartedCampaignEmailsEveryoneOnceWithProof() throws Exception {
        NoticeWorld w = emailWorld(3);
        String campaign = w.plan();
        JsonPath planned = TestUsers.asAnalyst().get("/api/campaigns/" + campaign).then().statusCode(200).extract().jsonPath();
        assertEquals("PLANNED", planned.getString("status"));
        assertEquals(3, planned.getInt("notices"));
        assertEquals(3, planned.getInt("progress.queued"));
        assertEquals("email", planned.getString("forecast.channels[0].channel"));
        assertFalse(planned.getBoolean("forecast.missesADeadline"));

        NoticeWorld.approveAndStart(campaign);
        JsonPath done = NoticeWorld.awaitStatus(campaign, "COMPLETED");

        assertEquals(100, done.getInt("progress.percentDone"));
        assertEquals(3, done.getInt("progress.sent"));
        assertEquals("officer", done.getString("approvedBy"));
        assertEquals("analyst", done.getString("plannedBy"));
        Set<String> ids = new HashSet<>();
        for (int i = 1; i <= 3; i++) {
            List<MimeMessage> got = NoticeProviders.receivedBy(w.email("person" + i));
            assertEquals(1, got.size(), "one notice for person " + i);
            MimeMessage m = got.get(0);
            ids.add(m.getMessageID());
            assertTrue(m.getMessageID().matches("<[0-9a-f-]{36}\\.1@" + NoticeProviders.MESSAGE_ID_DOMAIN + ">"), m.getMessageID());
            assertTrue(m.getSubject().startsWith("Notice of a data security incident"), m.getSubject());
            String text = ((Multipart) m.getContent()).getBodyPart(0).getContent().toString();
            assertTrue(text.contains("A test system exposed records (en)."), text);
            assertTrue(text.contains("Twelve months of monitoring (en)."), text);
            assertTrue(text.contains("CONTACT"), text);
        }
        assertEquals(3, ids.size());

        DeliveryStatistics stats = statistics.forIncident(w.incident);
        assertEquals(3, stats.subjectsPlanned());
        assertEquals(3, stats.subjectsNotified());
        assertEquals(0, stats.subjectsUnreachable());
        assertEquals(0, stats.subjectsPending());
        assertEquals(new DeliveryStatistics.ChannelTotals(3, 0, 0, 0), stats.byChannel().get("email"));
        assertTrue(stats.firstSentAt() != null && !stats.lastSentAt().isBefore(stats.firstSentAt()));

        JsonPath proof = TestUsers.asAuditor().get("/api/campaigns/" + campaign + "/notices").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(3, proof.getInt("total"));
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            String key = proof.getString("items[" + i + "].attempts[0].idempotencyKey");
            assertEquals("<" + key + "@" + NoticeProviders.MESSAGE_ID_DOMAIN + ">",
                    proof.getString("items[" + i + "].providerReference"));
            assertTrue(ids.contains(proof.getString("items[" + i + "].providerReference")));
            assertEquals("ACCEPTED", proof.getString("items[" + i + "].attempts[0].outcome"));
            assertEquals("smtp", proof.getString("items[" + i + "].attempts[0].provider"));
            assertEquals("SENT", proof.getString("items[" + i + "].state"));
            assertEquals("US-CA/CIV-1798.82", proof.getString("items[" + i + "].obligations[0].regimeId"));
            String sha = proof.getString("items[" + i + "].contentSha256");
            assertTrue(sha.matches("[0-9a-f]{64}"), sha);
            assertEquals(sha, proof.getString("items[" + i + "].attempts[0].contentSha256"));
            hashes.add(sha);
        }
        assertEquals(3, hashes.size(), "each notice carries its own enrolment code, so its own hash");

        String csv = TestUsers.asAuditor().get("/api/campaigns/" + campaign + "/notices.csv").then().statusCode(200)
                .contentType(equalTo("text/csv; charset=utf-8")).extract().asString();
        String[] lines = csv.strip().split("\r?\n");
        assertEquals(4, lines.length, csv);
        assertTrue(lines[0].startsWith("notice_id,subject_id,obligations"), lines[0]);
        assertFalse(csv.contains("@example.org"), "no address in the proof");
    }

    @Test
    void aChineseSubjectGetsTheChineseWording() throws Exception {
        NoticeWorld w = new NoticeWorld();
        w.chineseSubject("C1", w.email("zh1")).affected();
        obligations.set(w.incident, List.of(NoticeWorld.terms("CN/PIPL-57", Set.of("CN"), List.of(), null)));
        String campaign = w.plan();
        NoticeWorld.approveAndStart(campaign);
        NoticeWorld.awaitStatus(campaign, "COMPLETED");
        MimeMessage m = NoticeProviders.receivedBy(w.email("zh1")).get(0);
        assertTrue(m.getSubject().startsWith("个人信息安全事件告知"), m.getSubject());
        assertEquals("zh-CN", m.getContentLanguage()[0]);
        String text = ((Multipart) m.getContent()).getBodyPart(0).getContent().toString();
        assertTrue(text.contains("A test system exposed records (zh-CN)."), text);
    }

    @Test
    void thePlannerCannotApproveTheirOwnCampaign() {
        NoticeWorld w = emailWorld(1);
        String campaign = TestUsers.asOfficer().post("/api/incidents/" + w.incident + "/campaigns").then().statusCode(201)
                .extract().path("id");
        TestUsers.asOfficer().contentType(ContentType.JSON).body("{}").post("/api/campaigns/" + campaign + "/approve")
                .then().statusCode(403).body("type", endsWith("/four-eyes"));
        TestUsers.asAnalyst().contentType(ContentType.JSON).body("{}").post("/api/campaigns/" + campaign + "/approve")
                .then().statusCode(403);
        TestUsers.asSecondOfficer().post("/api/campaigns/" + campaign + "/start").then().statusCode(409);
        TestUsers.asSecondOfficer().contentType(ContentType.JSON).body("{}").post("/api/campaigns/" + campaign + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("approvedBy", equalTo("officer2"));
    }

    @Test
    void contentChangedWhileTheCampaignRunsStopsItBeforeItsNextNotice() {
        NoticeWorld w = emailWorld(2);
        String campaign = w.plan();
        String held = NoticeWorld.notices(campaign).get(1).get("id").toString();
        // Another worker holds the second notice: the first is sent and the campaign keeps running.
        Db.execute("UPDATE notice SET lease_owner = 'elsewhere', lease_until = now() + interval '1 hour' WHERE id = ?::uuid",
                held);
        NoticeWorld.approveAndStart(campaign);
        NoticeWorld.until("the first notice is sent", () -> NoticeWorld.attempts(campaign).stream()
                .anyMatch(a -> "ACCEPTED".equals(a.get("outcome"))));

        String etag = TestUsers.asAnalyst().get("/api/incidents/" + w.incident).then().statusCode(200).extract().header("ETag");
        TestUsers.asAnalyst().contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("content", Map.of("en", Map.of("measures", "We also rotated every key (en).")))).patch("/api/incidents/" + w.incident)
                .then().statusCode(200);
        Db.execute("UPDATE notice SET lease_owner = NULL, lease_until = NULL WHERE id = ?::uuid", held);

        JsonPath after = NoticeWorld.awaitStatus(campaign, "PLANNED");
        assertEquals(null, after.getString("approvedBy"));
        assertTrue(after.getString("statusReason").contains("changed after approval"), after.prettify());
        assertEquals(1, NoticeWorld.attempts(campaign).size(), "the held notice was not sent with the old approval");
        assertEquals("QUEUED", Db.rows("SELECT state FROM notice WHERE id = ?::uuid", held).get(0).get("state"));
    }

    @Test
    void changedContentAfterApprovalVoidsIt() {
        NoticeWorld w = emailWorld(1);
        String campaign = w.plan();
        String approvedHash = TestUsers.asOfficer().contentType(ContentType.JSON).body("{}")
                .post("/api/campaigns/" + campaign + "/approve").then().statusCode(200).extract().path("approvedHash");

        String etag = TestUsers.asAnalyst().get("/api/incidents/" + w.incident).then().statusCode(200).extract().header("ETag");
        TestUsers.asAnalyst().contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("content", Map.of("en", Map.of("remedies", "Eighteen months of monitoring (en).")))).patch("/api/incidents/" + w.incident)
                .then().statusCode(200);

        TestUsers.asOfficer().post("/api/campaigns/" + campaign + "/start").then().statusCode(409)
                .body("type", endsWith("/approval-void"));
        JsonPath after = TestUsers.asAuditor().get("/api/campaigns/" + campaign).then().statusCode(200).extract().jsonPath();
        assertEquals("PLANNED", after.getString("status"));
        assertEquals(null, after.getString("approvedBy"));
        assertEquals(0, Db.count("SELECT count(*) FROM notice_attempt a JOIN notice n ON n.id = a.notice_id WHERE n.campaign_id = ?::uuid", campaign));

        String newHash = TestUsers.asOfficer().contentType(ContentType.JSON).body("{}")
                .post("/api/campaigns/" + campaign + "/approve").then().statusCode(200).extract().path("approvedHash");
        assertNotEquals(approvedHash, newHash);
        TestUsers.asOfficer().post("/api/campaigns/" + campaign + "/start").then().statusCode(200);
        NoticeWorld.awaitStatus(campaign, "COMPLETED");
        assertEquals(1, NoticeProviders.receivedBy(w.email("person1")).size());
    }

    @Test
    void planningIsRefusedWhenContentIsMissingOrProhibitedContentWouldBeSent() {
        NoticeWorld w = emailWorld(1);
        String etag = TestUsers.asAnalyst().get("/api/incidents/" + w.incident).then().statusCode(200).extract().header("ETag");
        TestUsers.asAnalyst().contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("content", Map.of("en", Map.of("selfProtectionAdvice", "")))).patch("/api/incidents/" + w.incident)
                .then().statusCode(200);
        TestUsers.asAnalyst().post("/api/incidents/" + w.incident + "/campaigns").then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItem("content.en.selfProtectionAdvice"));

        NoticeWorld ma = emailWorld(1);
        org.herald.rules.IndividualNoticeTerms t = NoticeWorld.terms("US-MA/93H", Set.of("US"), List.of("email"), null);
        obligations.set(ma.incident, List.of(new org.herald.rules.IndividualNoticeTerms(t.obligationId(), t.regimeId(),
                t.jurisdiction(), t.coveredCountries(), t.coveredRegions(), null, "", t.allowedChannels(), List.of(),
                List.of("nature_of_breach", "number_affected"), false, false, List.of(), "test")));
        TestUsers.asAnalyst().post("/api/incidents/" + ma.incident + "/campaigns").then().statusCode(422)
                .body("errors.message", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString(
                        "uses content.basicSituation, but US-MA/93H prohibits nature_of_breach")));
        assertEquals(0, Db.count("SELECT count(*) FROM notice_campaign WHERE incident_id = ?", ma.incident));
    }
}
