package org.herald.notice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.herald.channel.email.bounce.DeliveryReports;
import org.herald.rules.IndividualNoticeTerms;
import org.herald.rules.Obligations;
import org.herald.subject.Db;
import org.herald.subject.Imports;
import org.herald.testing.Fakes;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One person with every contact point, through a real campaign, where every channel's provider
 * later says "not reached": the e-mail hard-bounces (RFC 3464 report on the bounce webhook), the SMS
 * is reported undelivered (signed Twilio status callback), FCM says the app registration is gone,
 * and the post returns the letter. Each report moves the notice to the next channel. The letter is
 * HELD in Herald's print queue until its batch is handed to the print house (then SENT); when it comes
 * back the chain is exhausted and the person is UNREACHABLE for the obligation.
 */
@QuarkusTest
@TestProfile(AllChannelsProfile.class)
class FallbackChainStoryTest {

    private static final String TWILIO_TOKEN = "test-auth-token-not-a-secret";
    private static final String TWILIO_CALLBACK_URL = "http://localhost:8080/api/webhooks/twilio/status";
    private static final String BOUNCE_TOKEN = "test-bounce-token-not-a-secret";
    private static final String HEADER = "source_system,external_ref,display_name,locale,country,region,minor,birth_year,"
            + "deceased,emails,phones,fcm_tokens,address_line1,address_city,address_region,address_postal_code,"
            + "address_country,channel_preference,marketing_opt_out";

    private final FakeObligations obligations = new FakeObligations();

    @BeforeEach
    void rules() {
        Fakes.install(obligations, Obligations.class);
    }

    @Test
    void hardBounceThenUndeliveredSmsThenUnregisteredPushThenReturnedLetterLeavesThePersonUnreachable() throws Exception {
        NoticeWorld w = new NoticeWorld();
        String email = w.email("every-channel");
        String phone = NoticeWorld.phone(44);
        String fcmToken = "fcm-test-token-" + w.tag;
        String csv = HEADER + "\n" + String.join(",", w.source, "E1", "Test Subject E1", "en-US", "US", "US-CA", "false",
                "1980", "false", email, phone, fcmToken, "1 Example Street", "Example City", "CA", "90001", "US",
                "EMAIL;SMS;PUSH;LETTER", "false") + "\n";
        JsonPath imported = Imports.importCsv("subjects", w.source, csv);
        assertThat(imported.getInt("rowsAccepted")).as(imported.prettify()).isEqualTo(1);
        Db.execute("""
                INSERT INTO affected_subject (incident_id, subject_id, categories)
                SELECT ?, id, ARRAY['CONTACT']::varchar(32)[] FROM data_subject WHERE source_system = ?""", w.incident, w.source);
        IndividualNoticeTerms terms = NoticeWorld.terms("US-CA/CIV-1798.82", Set.of("US"),
                List.of("email", "sms", "push", "postal_mail"), Instant.now().plus(30, ChronoUnit.DAYS));
        obligations.set(w.incident, List.of(terms));

        String campaign = w.plan();
        JsonPath planned = TestUsers.asAuditor().get("/api/campaigns/" + campaign).then().statusCode(200).extract().jsonPath();
        assertThat(planned.getList("forecast.channels.channel", String.class)).contains("email");
        NoticeWorld.approveAndStart(campaign);

        // 1. E-mail: GreenMail accepts it ...
        NoticeWorld.until("the e-mail is accepted", () -> NoticeProviders.receivedBy(email).size() == 1
                && "SENT".equals(notice(campaign).get("state")));
        MimeMessage mail = NoticeProviders.receivedBy(email).get(0);
        String noticeId = notice(campaign).get("id").toString();
        assertThat(mail.getMessageID()).isEqualTo("<" + noticeId + ".1@" + NoticeProviders.MESSAGE_ID_DOMAIN + ">");
        assertThat(notice(campaign).get("channel")).isEqualTo("EMAIL");

        // ... then the recipient's server returns it: a hard bounce arrives on the webhook.
        given().header("Authorization", "Bearer " + BOUNCE_TOKEN).contentType("message/rfc822")
                .body(DeliveryReports.report(mail.getMessageID(), email, "failed", "5.1.1").getBytes(StandardCharsets.US_ASCII))
                .post("/api/webhooks/email/bounces").then().statusCode(202);

        // 2. SMS: the Twilio stand-in accepts it ...
        NoticeWorld.until("the SMS is accepted", () -> attempts(campaign).size() == 2
                && attempts(campaign).get(1).get("outcome") != null && "SENT".equals(notice(campaign).get("state")));
        assertThat(notice(campaign).get("channel")).isEqualTo("SMS");
        List<LoggedRequest> texts = twilioRequestsTo(phone);
        assertThat(texts).hasSize(1);
        assertThat(org.herald.channel.sms.TwilioApiStandIn.form(texts.get(0)).get("StatusCallback"))
                .endsWith("key=" + noticeId + ".2");

        // ... then Twilio reports it undelivered (signed status callback).
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", NoticeProviders.ACCOUNT);
        form.put("MessageSid", attempts(campaign).get(1).get("provider_ref").toString());
        form.put("MessageStatus", "undelivered");
        form.put("ErrorCode", "30005");
        form.put("To", phone);
        String key = noticeId + ".2";
        given().queryParam("key", key).formParams(form)
                .header("X-Twilio-Signature", sign(TWILIO_CALLBACK_URL + "?key=" + key, form))
                .post("/api/webhooks/twilio/status").then().statusCode(204);

        // 3. Push: FCM answers 404 UNREGISTERED; 4. the letter is rendered and held in Herald's print queue.
        NoticeWorld.until("the push failed and the letter is queued", () -> attempts(campaign).size() == 4
                && attempts(campaign).get(3).get("outcome") != null && "HELD".equals(notice(campaign).get("state")));
        assertThat(notice(campaign).get("channel")).isEqualTo("LETTER");
        assertThat(notice(campaign).get("finished_at")).as("a held letter has not left Herald").isNull();
        assertThat(attempts(campaign).get(3).get("outcome")).isEqualTo("HELD");
        JsonPath held = TestUsers.asAuditor().get("/api/campaigns/" + campaign).then().statusCode(200).extract().jsonPath();
        assertThat(held.getString("status")).isEqualTo("RUNNING");
        assertThat(held.getInt("progress.held")).isEqualTo(1);
        assertThat(held.getInt("progress.sent")).isZero();
        assertThat(held.getInt("progress.byChannel.letter.held")).isEqualTo(1);
        assertThat(held.getInt("progress.percentDone")).isZero();
        List<LoggedRequest> pushes = FcmStandIn.sends().stream()
                .filter(r -> r.getBodyAsString().contains(fcmToken)).toList();
        assertThat(pushes).hasSize(1);
        assertThat(pushes.get(0).getHeader("Authorization")).isEqualTo("Bearer ya29.test-token");
        assertThat(pushes.get(0).getBodyAsString()).contains(noticeId + ".3")
                .contains("/" + Db.rows("SELECT reference FROM incident WHERE id = ?", w.incident).get(0).get("reference"))
                .doesNotContain("A test system exposed records (en).\\n");
        assertThat(Db.rows("""
                SELECT r.active FROM subject_push_registration r JOIN data_subject d ON d.id = r.subject_id
                 WHERE d.source_system = ?""", w.source)).extracting(r -> r.get("active")).containsExactly(false);

        String barcode = attempts(campaign).get(3).get("provider_ref").toString();
        assertThat(barcode).matches("HL[0-9A-F]{16}");
        byte[] letterPdf = Base64.getMimeDecoder().decode(
                Db.rows("SELECT encode(pdf, 'base64') AS pdf FROM letter WHERE barcode = ?", barcode).get(0).get("pdf").toString());
        try (PDDocument pdf = Loader.loadPDF(letterPdf)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Test Subject E1").contains("1 Example Street").contains("90001 Example City")
                    .contains("UNITED STATES").contains("A test system exposed records (en).").contains(barcode);
        }

        // The day's batch is cut and handed to the print house.
        String batch = TestUsers.asAnalyst().post("/api/letters/batches").then().statusCode(201).extract().path("id");
        String manifest = TestUsers.asAnalyst().get("/api/letters/batches/" + batch + "/manifest.csv").then().statusCode(200)
                .extract().asString();
        assertThat(manifest).contains(noticeId + ",Test Subject E1,").contains(barcode);
        TestUsers.asAnalyst().post("/api/letters/batches/" + batch + "/handed-to-print").then().statusCode(200);
        NoticeWorld.until("the letter counts as sent", () -> "SENT".equals(notice(campaign).get("state")));
        assertThat(notice(campaign).get("finished_at")).isNotNull();
        assertThat(attempts(campaign).get(3).get("feedback")).isEqualTo("ACCEPTED");
        assertThat(attempts(campaign).get(3).get("feedback_code")).isEqualTo("handed-to-print");

        // The post returns it: the chain is exhausted.
        TestUsers.asAnalyst().contentType("text/csv").body("barcode\n" + barcode.toLowerCase() + "\n")
                .post("/api/letters/returns").then().statusCode(200);
        NoticeWorld.until("the person is unreachable", () -> "UNREACHABLE".equals(notice(campaign).get("state")));
        JsonPath done = NoticeWorld.awaitStatus(campaign, "COMPLETED");

        // Proof of notice: every attempt with its outcome and the provider's later word.
        JsonPath proof = TestUsers.asAuditor().get("/api/campaigns/" + campaign + "/notices").then().statusCode(200)
                .extract().jsonPath();
        assertThat(proof.getList("items")).hasSize(1);
        assertThat(proof.getString("items[0].state")).isEqualTo("UNREACHABLE");
        assertThat(proof.getList("items[0].chain", String.class)).containsExactly("email", "sms", "push", "letter");
        assertThat(proof.getString("items[0].obligations[0].obligationId")).isEqualTo(terms.obligationId().toString());
        assertThat(proof.getString("items[0].finishedAt")).isNotNull();
        List<Map<String, Object>> steps = proof.getList("items[0].attempts");
        assertThat(steps).extracting(a -> a.get("channel")).containsExactly("EMAIL", "SMS", "PUSH", "LETTER");
        assertThat(steps).extracting(a -> a.get("outcome")).containsExactly("ACCEPTED", "ACCEPTED", "PERMANENT", "HELD");
        assertThat(steps).extracting(a -> a.get("feedback")).containsExactly("PERMANENT", "PERMANENT", "PERMANENT", "PERMANENT");
        assertThat(steps).extracting(a -> a.get("idempotencyKey"))
                .containsExactly(noticeId + ".1", noticeId + ".2", noticeId + ".3", noticeId + ".4");
        assertThat(steps.get(0).get("feedbackCode")).isEqualTo("dsn 5.1.1");
        assertThat(steps.get(1).get("feedbackCode")).isEqualTo("30005");
        assertThat(steps.get(2).get("providerCode")).isEqualTo("fcm:UNREGISTERED");
        assertThat(steps.get(3).get("providerReference")).isEqualTo(barcode);
        assertThat(steps.get(3).get("feedbackCode")).isEqualTo("returned");

        // Campaign progress per channel.
        assertThat(done.getInt("progress.total")).isEqualTo(1);
        assertThat(done.getInt("progress.unreachable")).isEqualTo(1);
        assertThat(done.getInt("progress.fellBack")).isEqualTo(1);
        assertThat(done.getInt("progress.failed")).isEqualTo(4);
        for (String channel : List.of("email", "sms", "push", "letter")) {
            assertThat(done.getInt("progress.byChannel." + channel + ".failed")).as(channel).isEqualTo(1);
        }
        assertThat(done.getInt("progress.byChannel.letter.unreachable")).isEqualTo(1);
        NoticeProviders.twilio().assertEveryRequestConformsToTwilioSpec();
    }

    private static Map<String, Object> notice(String campaign) {
        return NoticeWorld.notices(campaign).get(0);
    }

    private static List<Map<String, Object>> attempts(String campaign) {
        return NoticeWorld.attempts(campaign);
    }

    private static List<LoggedRequest> twilioRequestsTo(String number) {
        String encoded = "To=" + URLEncoder.encode(number, StandardCharsets.UTF_8);
        return NoticeProviders.twilio().requests().stream().filter(r -> r.getBodyAsString().contains(encoded)).toList();
    }

    /** Twilio's documented scheme: Base64(HMAC-SHA1(token, url + sorted name+value pairs)). */
    private static String sign(String url, Map<String, String> form) throws Exception {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((k, v) -> data.append(k).append(v));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(TWILIO_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
