package org.herald.notice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.herald.channel.sms.TwilioApiStandIn;
import org.herald.rules.Obligations;
import org.herald.subject.Db;
import org.herald.testing.Fakes;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher against real protocol stand-ins: fallback, retries with backoff, lease recovery,
 * two dispatchers on one database, and provider status callbacks.
 */
@QuarkusTest
@TestProfile(NoticeProfile.class)
class DispatchTest {

    private static final String TOKEN = "test-auth-token-not-a-secret";
    private static final String CALLBACK_URL = "http://localhost:8080/api/webhooks/twilio/status";

    private final FakeObligations obligations = new FakeObligations();

    @Inject
    Dispatcher dispatcher;

    @BeforeEach
    void rules() {
        Fakes.install(obligations, Obligations.class);
    }

    private void obligationFor(NoticeWorld w, List<String> channels) {
        obligations.set(w.incident, List.of(NoticeWorld.terms("US-NY/GBL-899-AA", Set.of("US"), channels,
                Instant.now().plus(30, ChronoUnit.DAYS))));
    }

    private static List<LoggedRequest> twilioRequestsTo(String number) {
        String encoded = "To=" + URLEncoder.encode(number, StandardCharsets.UTF_8);
        return NoticeProviders.twilio().requests().stream().filter(r -> r.getBodyAsString().contains(encoded)).toList();
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : ((OffsetDateTime) value).toInstant();
    }

    @Test
    void aPermanentSmtpFailureFallsBackToSms() {
        NoticeWorld w = new NoticeWorld();
        String phone = NoticeWorld.phone(11);
        w.subject("F1", w.email("unknown-f1"), phone, "EMAIL;SMS").affected();
        obligationFor(w, List.of("email", "sms"));
        String campaign = w.plan();
        NoticeWorld.approveAndStart(campaign);
        JsonPath done = NoticeWorld.awaitStatus(campaign, "COMPLETED");

        List<Map<String, Object>> attempts = NoticeWorld.attempts(campaign);
        assertEquals(2, attempts.size(), attempts.toString());
        assertEquals("EMAIL", attempts.get(0).get("channel"));
        assertEquals("PERMANENT", attempts.get(0).get("outcome"));
        assertTrue(attempts.get(0).get("provider_code").toString().startsWith("550"), attempts.get(0).toString());
        assertEquals("SMS", attempts.get(1).get("channel"));
        assertEquals("ACCEPTED", attempts.get(1).get("outcome"));
        assertTrue(attempts.get(1).get("provider_ref").toString().startsWith("SM"));
        assertEquals(0, NoticeProviders.receivedBy(w.email("unknown-f1")).size());
        assertEquals(1, done.getInt("progress.fellBack"));
        assertEquals(1, done.getInt("progress.byChannel.email.failed"));
        assertEquals(1, done.getInt("progress.byChannel.sms.sent"));

        String noticeId = attempts.get(0).get("notice_id").toString();
        List<LoggedRequest> sent = twilioRequestsTo(phone);
        assertEquals(1, sent.size());
        Map<String, String> form = TwilioApiStandIn.form(sent.get(0));
        assertTrue(form.get("StatusCallback").endsWith("key=" + noticeId + ".2"), form.get("StatusCallback"));
        assertTrue(form.get("Body").contains("A test system exposed records (en)."), "the SMS carries the content");
        NoticeProviders.twilio().assertEveryRequestConformsToTwilioSpec();
    }

    @Test
    void greylistingIsRetriedOnTheSameChannelAfterABackoff() throws Exception {
        NoticeWorld w = new NoticeWorld();
        w.subject("G1", w.email("greylisted-g1"), "", "EMAIL").affected();
        obligationFor(w, List.of("email"));
        String campaign = w.plan();
        NoticeWorld.approveAndStart(campaign);
        NoticeWorld.awaitStatus(campaign, "COMPLETED");

        List<Map<String, Object>> attempts = NoticeWorld.attempts(campaign);
        assertEquals(2, attempts.size(), attempts.toString());
        Map<String, Object> first = attempts.get(0);
        Map<String, Object> second = attempts.get(1);
        assertEquals("RETRYABLE", first.get("outcome"));
        assertTrue(first.get("provider_code").toString().startsWith("451"), first.toString());
        Duration backoff = Duration.between(instant(first.get("finished_at")), instant(first.get("retry_at")));
        assertTrue(backoff.compareTo(Duration.ofMillis(500)) >= 0 && backoff.compareTo(Duration.ofSeconds(1)) <= 0,
                "equal jitter over the 1 s first step: " + backoff);
        assertTrue(!instant(second.get("started_at")).isBefore(instant(first.get("retry_at"))));
        assertEquals("EMAIL", second.get("channel"));
        assertEquals("ACCEPTED", second.get("outcome"));
        List<MimeMessage> got = NoticeProviders.receivedBy(w.email("greylisted-g1"));
        assertEquals(1, got.size());
        assertEquals("<" + first.get("notice_id") + ".2@" + NoticeProviders.MESSAGE_ID_DOMAIN + ">", got.get(0).getMessageID());
    }

    @Test
    void twilioRateLimitingIsRetriedNoSoonerThanRetryAfter() {
        NoticeWorld w = new NoticeWorld();
        String phone = NoticeWorld.phone(22);
        String scenario = "rate-limited-" + w.tag;
        String encoded = "To=" + URLEncoder.encode(phone, StandardCharsets.UTF_8);
        NoticeProviders.twilio().server().stubFor(post(urlPathEqualTo(NoticeProviders.MESSAGES)).atPriority(1)
                .withRequestBody(containing(encoded)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3").withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 20429, \"message\": \"Too Many Requests\", \"status\": 429}"))
                .willSetStateTo("recovered"));
        NoticeProviders.twilio().server().stubFor(post(urlPathEqualTo(NoticeProviders.MESSAGES)).atPriority(1)
                .withRequestBody(containing(encoded)).inScenario(scenario).whenScenarioStateIs("recovered")
                .willReturn(NoticeProviders.created()));
        w.subject("R1", "", phone, "SMS").affected();
        obligationFor(w, List.of("sms"));
        String campaign = w.plan();
        NoticeWorld.approveAndStart(campaign);
        NoticeWorld.awaitStatus(campaign, "COMPLETED");

        List<Map<String, Object>> attempts = NoticeWorld.attempts(campaign);
        assertEquals(2, attempts.size(), attempts.toString());
        assertEquals("RETRYABLE", attempts.get(0).get("outcome"));
        Duration backoff = Duration.between(instant(attempts.get(0).get("finished_at")), instant(attempts.get(0).get("retry_at")));
        assertTrue(backoff.compareTo(Duration.ofSeconds(3)) >= 0, "Retry-After honoured: " + backoff);
        assertTrue(!instant(attempts.get(1).get("started_at")).isBefore(instant(attempts.get(0).get("retry_at"))));
        assertEquals("ACCEPTED", attempts.get(1).get("outcome"));
        assertEquals(2, twilioRequestsTo(phone).size());
        NoticeProviders.twilio().assertEveryRequestConformsToTwilioSpec();
    }

    @Test
    void aNoticeWhoseWorkerVanishedIsSentOnceAfterItsLeaseUnderTheSameKey() throws Exception {
        NoticeWorld w = new NoticeWorld();
        w.subject("L1", w.email("lease-l1"), "", "EMAIL").affected();
        obligationFor(w, List.of("email"));
        String campaign = w.plan();
        TestUsers.asOfficer().contentType(ContentType.JSON).body("{}").post("/api/campaigns/" + campaign + "/approve")
                .then().statusCode(200);
        // A worker claimed the notice, wrote attempt 1 and vanished before sending or recording.
        Instant leaseUntil = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        Db.execute("UPDATE notice SET lease_owner = 'vanished-worker', lease_until = ?, attempts = 1 WHERE campaign_id = ?::uuid",
                Timestamp.from(leaseUntil), campaign);
        Db.execute("""
                INSERT INTO notice_attempt (notice_id, attempt_no, key_attempt, channel, provider, worker, started_at, content_sha256)
                SELECT id, 1, 1, 'EMAIL', 'smtp', 'vanished-worker', now(), repeat('0', 64) FROM notice WHERE campaign_id = ?::uuid""",
                campaign);
        TestUsers.asOfficer().post("/api/campaigns/" + campaign + "/start").then().statusCode(200);
        NoticeWorld.awaitStatus(campaign, "COMPLETED");

        List<Map<String, Object>> attempts = NoticeWorld.attempts(campaign);
        assertEquals(1, attempts.size(), attempts.toString());
        Map<String, Object> a = attempts.get(0);
        assertEquals(1, ((Number) a.get("replays")).intValue());
        assertNotEquals("vanished-worker", a.get("worker"));
        assertEquals("ACCEPTED", a.get("outcome"));
        assertTrue(!instant(a.get("started_at")).isBefore(leaseUntil), "taken only after the lease expired");
        assertNotEquals("0".repeat(64), a.get("content_sha256"));
        List<MimeMessage> got = NoticeProviders.receivedBy(w.email("lease-l1"));
        assertEquals(1, got.size());
        assertEquals("<" + a.get("notice_id") + ".1@" + NoticeProviders.MESSAGE_ID_DOMAIN + ">", got.get(0).getMessageID());
    }

    @Test
    void twoDispatcherInstancesOnOneDatabaseSendEachNoticeOnce() throws Exception {
        NoticeWorld w = new NoticeWorld();
        int subjects = 40;
        for (int i = 1; i <= subjects; i++) {
            w.subject("D" + i, w.email("duo" + i), "", "EMAIL");
        }
        w.affected();
        obligationFor(w, List.of("email"));
        String campaign = w.plan();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService instances = Executors.newFixedThreadPool(2);
        List<Future<Integer>> handled = new ArrayList<>();
        try {
            for (String instance : List.of("instance-a", "instance-b")) {
                handled.add(instances.submit(() -> {
                    int n = 0;
                    while (!stop.get()) {
                        n += dispatcher.runOnce(instance);
                    }
                    return n;
                }));
            }
            NoticeWorld.approveAndStart(campaign);
            NoticeWorld.awaitStatus(campaign, "COMPLETED");
        } finally {
            stop.set(true);
            instances.shutdown();
        }
        int byInstances = handled.get(0).get() + handled.get(1).get();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= subjects; i++) {
            NoticeProviders.receivedBy(w.email("duo" + i)).forEach(m -> ids.add(NoticeProviders.messageId(m)));
        }
        assertEquals(subjects, ids.size(), "one message per person");
        assertEquals(subjects, new HashSet<>(ids).size(), "no Message-ID twice");
        assertEquals(subjects, Db.count("""
                SELECT count(*) FROM notice_attempt a JOIN notice n ON n.id = a.notice_id
                 WHERE n.campaign_id = ?::uuid AND a.replays = 0 AND a.attempt_no = 1""", campaign));
        Set<Object> workers = new HashSet<>();
        NoticeWorld.attempts(campaign).forEach(a -> workers.add(a.get("worker")));
        assertTrue(workers.size() >= 2, "the work was shared: " + workers);
        assertTrue(byInstances > 0 || workers.size() >= 2);
    }

    @Test
    void statusCallbacksWithoutSignatureAreRefusedAndASignedUndeliveredFallsBack() throws Exception {
        NoticeWorld w = new NoticeWorld();
        String phone = NoticeWorld.phone(33);
        w.subject("C1", w.email("callback-c1"), phone, "SMS;EMAIL").affected();
        obligationFor(w, List.of("sms", "email"));
        String campaign = w.plan();
        NoticeWorld.approveAndStart(campaign);
        NoticeWorld.awaitStatus(campaign, "COMPLETED");
        Map<String, Object> sms = NoticeWorld.attempts(campaign).get(0);
        assertEquals("SMS", sms.get("channel"));
        String key = sms.get("notice_id") + ".1";
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", NoticeProviders.ACCOUNT);
        form.put("MessageSid", sms.get("provider_ref").toString());
        form.put("MessageStatus", "undelivered");
        form.put("ErrorCode", "30005");
        form.put("To", phone);

        given().queryParam("key", key).formParams(form).post("/api/webhooks/twilio/status").then().statusCode(403)
                .body("type", endsWith("/twilio-signature"));
        assertEquals("SENT", NoticeWorld.notices(campaign).get(0).get("state"));
        assertEquals(0, NoticeProviders.receivedBy(w.email("callback-c1")).size());

        given().queryParam("key", key).formParams(form).header("X-Twilio-Signature", sign(CALLBACK_URL + "?key=" + key, form))
                .post("/api/webhooks/twilio/status").then().statusCode(204);
        NoticeWorld.until("the e-mail fallback was accepted", () -> NoticeProviders.receivedBy(w.email("callback-c1")).size() == 1);
        NoticeWorld.awaitStatus(campaign, "COMPLETED");
        List<Map<String, Object>> attempts = NoticeWorld.attempts(campaign);
        assertEquals(2, attempts.size());
        assertEquals("ACCEPTED", attempts.get(0).get("outcome"));
        assertEquals("PERMANENT", attempts.get(0).get("feedback"));
        assertEquals("30005", attempts.get(0).get("feedback_code"));
        assertEquals("EMAIL", attempts.get(1).get("channel"));
        Map<String, Object> notice = NoticeWorld.notices(campaign).get(0);
        assertEquals("EMAIL", notice.get("channel"));
        assertEquals("SENT", notice.get("state"));
    }

    /** Twilio's documented scheme: Base64(HMAC-SHA1(token, url + sorted name+value pairs)). */
    private static String sign(String url, Map<String, String> form) throws Exception {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((k, v) -> data.append(k).append(v));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
