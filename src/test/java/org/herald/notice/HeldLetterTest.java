package org.herald.notice;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.herald.rules.IndividualNoticeTerms;
import org.herald.rules.Obligations;
import org.herald.subject.Db;
import org.herald.subject.Imports;
import org.herald.testing.Fakes;
import org.herald.testing.TestUsers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A letter is not sent while it waits in Herald's own print queue: the notice is HELD (not due, not
 * finished, not reached) until its batch is handed to the print house, which makes it SENT. A letter
 * returned before or after the hand-over falls back to the next channel, or leaves the person
 * UNREACHABLE. The campaign completes only once nothing is held.
 */
@QuarkusTest
@TestProfile(AllChannelsProfile.class)
class HeldLetterTest {

    private static final String HEADER = "source_system,external_ref,display_name,locale,country,region,minor,birth_year,"
            + "deceased,emails,phones,fcm_tokens,address_line1,address_city,address_region,address_postal_code,"
            + "address_country,channel_preference,marketing_opt_out";

    private final FakeObligations obligations = new FakeObligations();

    @Inject
    Dispatcher dispatcher;

    @Inject
    DeliveryStatisticsSource statistics;

    @BeforeEach
    void rules() {
        Fakes.install(obligations, Obligations.class);
    }

    @Test
    void aLetterIsHeldUntilItsBatchIsHandedToPrintAndAReturnedOneFallsBack() {
        NoticeWorld w = new NoticeWorld();
        String fallbackEmail = w.email("held-fallback");
        String campaign = campaignOf(w, row(w, "A", "", "LETTER"), row(w, "B", fallbackEmail, "LETTER;EMAIL"),
                row(w, "C", "", "LETTER"));
        NoticeWorld.approveAndStart(campaign);

        // After dispatch every letter is rendered into the print queue and its notice is HELD.
        NoticeWorld.until("every letter is held", () -> NoticeWorld.notices(campaign).stream()
                .allMatch(n -> "HELD".equals(n.get("state"))));
        Map<String, Map<String, Object>> notices = byRef(w);
        for (Map<String, Object> n : notices.values()) {
            assertThat(n).containsEntry("channel", "LETTER").containsEntry("finished_at", null)
                    .containsEntry("first_sent_at", null).containsEntry("lease_owner", null);
            assertThat(n.get("provider_ref").toString()).matches("HL[0-9A-F]{16}");
        }
        assertThat(NoticeWorld.attempts(campaign)).extracting(a -> a.get("outcome")).containsOnly("HELD").hasSize(3);
        JsonPath progress = view(campaign);
        assertThat(progress.getInt("progress.held")).isEqualTo(3);
        assertThat(progress.getInt("progress.byChannel.letter.held")).isEqualTo(3);
        assertThat(progress.getInt("progress.sent")).isZero();
        assertThat(progress.getInt("progress.byChannel.letter.sent")).isZero();
        assertThat(progress.getInt("progress.percentDone")).isZero();
        Document page = Jsoup.parse(RestAssured.given().cookie("herald-session", CampaignConsoleTest.signIn("analyst"))
                .get("/console/campaigns/" + campaign).then().statusCode(200).extract().asString());
        assertThat(page.getElementById("held").hasAttr("hidden")).isFalse();
        assertThat(page.getElementById("held-count").text()).isEqualTo("3");
        assertThat(page.select("#progress-rows tr[data-channel=letter] td").get(1).text()).as("held for print").isEqualTo("3");
        assertThat(page.select("#progress-rows tr[data-channel=letter] td").get(2).text()).as("sent").isEqualTo("0");
        DeliveryStatistics before = statistics.forIncident(w.incident);
        assertThat(before.subjectsNotified()).as("a held letter has not reached anyone").isZero();
        assertThat(before.subjectsPending()).isEqualTo(3);
        assertThat(before.firstSentAt()).isNull();
        assertThat(before.byChannel().get("letter").sent()).isZero();
        assertThat(before.byChannel().get("letter").retrying()).isEqualTo(3);

        // The dispatcher does not claim a held notice again, and the campaign is not complete.
        for (int i = 0; i < 3; i++) {
            dispatcher.runOnce("held-check-" + i);
        }
        assertThat(Db.count("SELECT count(*) FROM notice_attempt a JOIN notice n ON n.id = a.notice_id"
                + " WHERE n.campaign_id = ?::uuid", campaign)).isEqualTo(3);
        assertThat(Db.count("SELECT count(*) FROM notice WHERE campaign_id = ?::uuid AND lease_owner IS NOT NULL",
                campaign)).isZero();
        assertThat(NoticeWorld.attempts(campaign)).extracting(a -> a.get("replays")).containsOnly(0);
        assertThat(view(campaign).getString("status")).isEqualTo("RUNNING");

        // The batch is cut; B's letter comes back before the batch is marked handed to print.
        String batch = TestUsers.asAnalyst().post("/api/letters/batches").then().statusCode(201).extract().path("id");
        String barcodeB = notices.get("B").get("provider_ref").toString();
        TestUsers.asAnalyst().contentType("text/csv").body("barcode\n" + barcodeB + "\n").post("/api/letters/returns")
                .then().statusCode(200);
        NoticeWorld.until("B falls back to e-mail and is sent", () -> "SENT".equals(byRef(w).get("B").get("state"))
                && "EMAIL".equals(byRef(w).get("B").get("channel")));
        assertThat(NoticeProviders.receivedBy(fallbackEmail)).hasSize(1);
        dispatcher.runOnce("completion-check");
        assertThat(view(campaign).getString("status")).as("letters still held: not complete").isEqualTo("RUNNING");

        // The batch goes to the print house: the held letters are sent now.
        Instant handedOver = Instant.now();
        TestUsers.asAnalyst().post("/api/letters/batches/" + batch + "/handed-to-print").then().statusCode(200);
        NoticeWorld.until("A and C are sent", () -> byRef(w).values().stream().allMatch(n -> "SENT".equals(n.get("state"))));
        for (String ref : List.of("A", "C")) {
            Map<String, Object> n = byRef(w).get(ref);
            assertThat(n).as(ref).containsEntry("channel", "LETTER");
            assertThat(instant(n.get("finished_at"))).as(ref).isAfterOrEqualTo(handedOver.truncatedTo(ChronoUnit.MILLIS));
            assertThat(n.get("first_sent_at")).as(ref).isEqualTo(n.get("finished_at"));
            assertThat(n.get("last_sent_at")).as(ref).isEqualTo(n.get("finished_at"));
        }
        JsonPath done = NoticeWorld.awaitStatus(campaign, "COMPLETED");
        assertThat(done.getInt("progress.held")).isZero();
        assertThat(done.getInt("progress.sent")).isEqualTo(3);
        assertThat(done.getInt("progress.byChannel.letter.sent")).isEqualTo(2);
        assertThat(done.getInt("progress.byChannel.email.sent")).isEqualTo(1);
        assertThat(done.getInt("progress.fellBack")).isEqualTo(1);
        assertThat(done.getInt("progress.percentDone")).isEqualTo(100);
        assertThat(statistics.forIncident(w.incident).subjectsNotified()).isEqualTo(3);

        // Proof of notice: the attempt was HELD, then handed to print (the time of the hand-over).
        JsonPath proof = TestUsers.asAuditor().get("/api/campaigns/" + campaign + "/notices").then().statusCode(200)
                .extract().jsonPath();
        String idA = notices.get("A").get("id").toString();
        Map<String, Object> proofA = proof.getList("items", Map.class).stream()
                .filter(i -> idA.equals(i.get("id"))).findFirst().orElseThrow();
        assertThat(proofA).containsEntry("state", "SENT");
        @SuppressWarnings("unchecked")
        Map<String, Object> attemptA = ((List<Map<String, Object>>) proofA.get("attempts")).get(0);
        assertThat(attemptA).containsEntry("outcome", "HELD").containsEntry("feedback", "ACCEPTED")
                .containsEntry("feedbackCode", "handed-to-print").containsEntry("providerCode", "queued");
        assertThat(attemptA.get("feedbackAt")).isNotNull().isEqualTo(proofA.get("firstSentAt"));
        String csv = TestUsers.asAuditor().get("/api/campaigns/" + campaign + "/notices.csv").then().statusCode(200)
                .extract().asString();
        assertThat(csv.lines().filter(l -> l.startsWith(idA))).singleElement().asString()
                .contains(",SENT,").contains(",HELD,").contains(",ACCEPTED,");

        // C's letter comes back after the hand-over: its chain is exhausted.
        String barcodeC = notices.get("C").get("provider_ref").toString();
        TestUsers.asAnalyst().contentType("text/csv").body(barcodeC + "\n").post("/api/letters/returns").then().statusCode(200);
        NoticeWorld.until("C is unreachable", () -> "UNREACHABLE".equals(byRef(w).get("C").get("state")));
        DeliveryStatistics after = statistics.forIncident(w.incident);
        assertThat(after.subjectsNotified()).isEqualTo(2);
        assertThat(after.subjectsUnreachable()).isEqualTo(1);
        assertThat(after.subjectsPending()).isZero();
    }

    @Test
    void aHandOverReportedWhileTheWorkerHadNotRecordedTheLetterMakesItSentWithoutPrintingItTwice() {
        NoticeWorld w = new NoticeWorld();
        String campaign = campaignOf(w, row(w, "D", "", "LETTER"));
        NoticeWorld.approveAndStart(campaign);
        NoticeWorld.until("the letter is held", () -> "HELD".equals(NoticeWorld.notices(campaign).get(0).get("state")));
        Map<String, Object> n = NoticeWorld.notices(campaign).get(0);
        String id = n.get("id").toString();
        String barcode = n.get("provider_ref").toString();

        // The worker that sent the letter vanished before recording it: its attempt is in flight, its lease current.
        Db.execute("UPDATE notice_attempt SET outcome = NULL, finished_at = NULL, provider_code = NULL WHERE notice_id = ?::uuid",
                id);
        Db.execute("""
                UPDATE notice SET state = 'QUEUED', lease_owner = 'vanished-worker', lease_until = now() + interval '1 hour'
                 WHERE id = ?::uuid""", id);

        String batch = TestUsers.asAnalyst().post("/api/letters/batches").then().statusCode(201).extract().path("id");
        TestUsers.asAnalyst().post("/api/letters/batches/" + batch + "/handed-to-print").then().statusCode(200);
        Map<String, Object> kept = NoticeWorld.attempts(campaign).get(0);
        assertThat(kept).as("kept on the attempt for the worker").containsEntry("feedback", "ACCEPTED")
                .containsEntry("outcome", null);
        assertThat(NoticeWorld.notices(campaign).get(0)).containsEntry("state", "QUEUED");

        // The lease runs out; the next worker finds the provider's word and records it instead of sending.
        Db.execute("UPDATE notice SET lease_until = now() - interval '1 second' WHERE id = ?::uuid", id);
        NoticeWorld.until("the letter is sent", () -> "SENT".equals(NoticeWorld.notices(campaign).get(0).get("state")));
        assertThat(NoticeWorld.notices(campaign).get(0).get("finished_at")).isNotNull();
        assertThat(NoticeWorld.attempts(campaign)).singleElement().satisfies(a -> {
            assertThat(a).containsEntry("outcome", "ACCEPTED").containsEntry("replays", 0);
        });
        assertThat(Db.count("SELECT count(*) FROM letter WHERE idempotency_key LIKE ?", id + ".%"))
                .as("rendered and printed once").isEqualTo(1);
        assertThat(Db.rows("SELECT status FROM letter WHERE barcode = ?", barcode)).extracting(r -> r.get("status"))
                .containsExactly("HANDED_TO_PRINT");
        NoticeWorld.awaitStatus(campaign, "COMPLETED");
    }

    private String campaignOf(NoticeWorld w, String... rows) {
        JsonPath imported = Imports.importCsv("subjects", w.source, HEADER + "\n" + String.join("", rows));
        assertThat(imported.getInt("rowsAccepted")).as(imported.prettify()).isEqualTo(rows.length);
        Db.execute("""
                INSERT INTO affected_subject (incident_id, subject_id, categories)
                SELECT ?, id, ARRAY['CONTACT']::varchar(32)[] FROM data_subject WHERE source_system = ?""", w.incident, w.source);
        IndividualNoticeTerms terms = NoticeWorld.terms("US-CA/CIV-1798.82", Set.of("US"), List.of("email", "postal_mail"),
                Instant.now().plus(30, ChronoUnit.DAYS));
        obligations.set(w.incident, List.of(terms));
        return w.plan();
    }

    private static String row(NoticeWorld w, String ref, String email, String preference) {
        return String.join(",", w.source, ref, "Test Subject " + ref, "en-US", "US", "US-CA", "false", "1980", "false",
                email, "", "", ref + " Example Street", "Example City", "CA", "90003", "US", preference, "false") + "\n";
    }

    /** The campaign's notices by the subject's external reference. */
    private static Map<String, Map<String, Object>> byRef(NoticeWorld w) {
        return Db.rows("""
                SELECT d.external_ref AS ref, n.* FROM notice n JOIN data_subject d ON d.id = n.subject_id
                 WHERE n.incident_id = ?""", w.incident).stream()
                .collect(Collectors.toMap(r -> r.get("ref").toString(), Function.identity()));
    }

    private static JsonPath view(String campaign) {
        return TestUsers.asAuditor().get("/api/campaigns/" + campaign).then().statusCode(200).extract().jsonPath();
    }

    private static Instant instant(Object value) {
        return NoticeDeliveryStatistics.instant(value);
    }
}
