package org.herald.channel.sms;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.twilio.security.RequestValidator;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.herald.channel.DeliveryOutcome.Kind;
import org.herald.channel.IdempotencyKey;
import org.herald.channel.ProviderFeedback;
import org.junit.jupiter.api.Test;

/**
 * Twilio's status callbacks: believed only when signed with the auth token, turned into provider
 * feedback, worst status kept per message.
 */
@QuarkusTest
class TwilioStatusCallbackTest {

    /** The test profile's auth token and (default) public callback URL. */
    private static final String TOKEN = "test-auth-token-not-a-secret";
    private static final String PUBLIC_URL = "http://localhost:8080/api/webhooks/twilio/status";
    private static final String PATH = "/api/webhooks/twilio/status";

    @Inject
    RecordedFeedback feedback;

    @Inject
    TwilioStatusLedger ledger;

    /** Twilio's documented scheme: Base64(HMAC-SHA1(token, url + sorted key+value pairs)). */
    private static String twilioSignature(String url, Map<String, String> form) throws Exception {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((k, v) -> data.append(k).append(v));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static String aMessageSid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    private static Map<String, String> status(String sid, String status, String errorCode) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", "AC00000000000000000000000000000000");
        form.put("MessageSid", sid);
        form.put("SmsSid", sid);
        form.put("MessageStatus", status);
        form.put("SmsStatus", status);
        form.put("To", "+15550100001");
        form.put("From", "+15005550006");
        form.put("ApiVersion", "2010-04-01");
        if (errorCode != null) {
            form.put("ErrorCode", errorCode);
        }
        return form;
    }

    private static RequestSpecification callback(IdempotencyKey key, Map<String, String> form, String signature) {
        RequestSpecification request = given().queryParam("key", key.value()).formParams(form);
        return signature == null ? request : request.header("X-Twilio-Signature", signature);
    }

    private static void signedCallback(IdempotencyKey key, Map<String, String> form) throws Exception {
        callback(key, form, twilioSignature(PUBLIC_URL + "?key=" + key.value(), form))
                .post(PATH).then().statusCode(204);
    }

    @Test
    void theTestsSignatureIsTheOneTwilioSendsAccordingToTheSdk() throws Exception {
        Map<String, String> form = status(aMessageSid(), "sent", null);
        String url = PUBLIC_URL + "?key=" + new IdempotencyKey(UUID.randomUUID(), 1).value();

        assertTrue(new RequestValidator(TOKEN).validate(url, form, twilioSignature(url, form)));
    }

    @Test
    void aSignedDeliveryReportBecomesProviderFeedback() throws Exception {
        IdempotencyKey key = new IdempotencyKey(UUID.randomUUID(), 1);
        String sid = aMessageSid();

        signedCallback(key, status(sid, "delivered", null));

        List<ProviderFeedback> news = feedback.about(key);
        assertEquals(1, news.size());
        assertEquals(sid, news.get(0).providerReference());
        assertEquals(Kind.DELIVERED, news.get(0).outcome().kind());
        assertEquals(key.value(), news.get(0).correlation());
    }

    @Test
    void aCallbackWithoutSignatureIsRefused() {
        IdempotencyKey key = new IdempotencyKey(UUID.randomUUID(), 1);

        callback(key, status(aMessageSid(), "delivered", null), null)
                .post(PATH)
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", endsWith("/twilio-signature"))
                .body("status", equalTo(403));
        assertTrue(feedback.about(key).isEmpty());
    }

    @Test
    void aCallbackSignedWithAnotherTokenIsRefused() throws Exception {
        IdempotencyKey key = new IdempotencyKey(UUID.randomUUID(), 1);
        Map<String, String> form = status(aMessageSid(), "delivered", null);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec("someone-elses-token".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        StringBuilder data = new StringBuilder(PUBLIC_URL + "?key=" + key.value());
        new TreeMap<>(form).forEach((k, v) -> data.append(k).append(v));
        String forged = Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));

        callback(key, form, forged).post(PATH).then().statusCode(403);
        assertTrue(feedback.about(key).isEmpty());
    }

    @Test
    void aSignedCallbackWhoseParametersWereChangedIsRefused() throws Exception {
        IdempotencyKey key = new IdempotencyKey(UUID.randomUUID(), 1);
        String sid = aMessageSid();
        String signedForFailure = twilioSignature(PUBLIC_URL + "?key=" + key.value(), status(sid, "failed", "30005"));

        callback(key, status(sid, "delivered", null), signedForFailure).post(PATH).then().statusCode(403);
        assertTrue(feedback.about(key).isEmpty());
    }

    @Test
    void aSignatureForAnotherAttemptIsRefused() throws Exception {
        IdempotencyKey signedFor = new IdempotencyKey(UUID.randomUUID(), 1);
        IdempotencyKey claimed = new IdempotencyKey(signedFor.noticeId(), 2);
        Map<String, String> form = status(aMessageSid(), "delivered", null);

        callback(claimed, form, twilioSignature(PUBLIC_URL + "?key=" + signedFor.value(), form))
                .post(PATH).then().statusCode(403);
        assertTrue(feedback.about(claimed).isEmpty());
    }

    @Test
    void theWorstStatusOfAMultiSegmentMessageWins() throws Exception {
        IdempotencyKey key = new IdempotencyKey(UUID.randomUUID(), 1);
        String sid = aMessageSid();

        signedCallback(key, status(sid, "sent", null));
        signedCallback(key, status(sid, "delivered", null));
        signedCallback(key, status(sid, "undelivered", "30005"));
        // A segment reported delivered after another failed does not make the message delivered.
        signedCallback(key, status(sid, "delivered", null));
        // Nor does a late "sent".
        signedCallback(key, status(sid, "sent", null));

        List<Kind> kinds = feedback.about(key).stream().map(f -> f.outcome().kind()).toList();
        assertEquals(List.of(Kind.ACCEPTED, Kind.DELIVERED, Kind.PERMANENT), kinds);
        assertEquals("30005", feedback.about(key).get(2).outcome().providerCode());
        assertEquals("undelivered", QuarkusTransaction.requiringNew().call(() -> ledger.statusOf(sid)).orElseThrow());
    }

    @Test
    void aRepeatedCallbackIsNewsOnlyOnce() throws Exception {
        IdempotencyKey key = new IdempotencyKey(UUID.randomUUID(), 1);
        String sid = aMessageSid();

        signedCallback(key, status(sid, "delivered", null));
        signedCallback(key, status(sid, "delivered", null));

        assertEquals(1, feedback.about(key).size());
    }

    @Test
    void aFailureReportCarriesTheClassifiedTwilioError() throws Exception {
        IdempotencyKey optedOut = new IdempotencyKey(UUID.randomUUID(), 1);
        IdempotencyKey unreachable = new IdempotencyKey(UUID.randomUUID(), 1);

        signedCallback(optedOut, status(aMessageSid(), "failed", "21610"));
        signedCallback(unreachable, status(aMessageSid(), "undelivered", "30003"));

        assertEquals(Kind.OPTED_OUT, feedback.about(optedOut).get(0).outcome().kind());
        assertEquals(Kind.RETRYABLE, feedback.about(unreachable).get(0).outcome().kind());
        assertEquals(1, feedback.about(unreachable).get(0).outcome().retryLimit());
    }

    @Test
    void aSignedCallbackWithAKeyHeraldNeverIssuedIsRejected() throws Exception {
        Map<String, String> form = status(aMessageSid(), "delivered", null);

        given().queryParam("key", "not-a-key").formParams(form)
                .header("X-Twilio-Signature", twilioSignature(PUBLIC_URL + "?key=not-a-key", form))
                .post(PATH)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("key"));
    }
}
