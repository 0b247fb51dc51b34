package org.herald.channel.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.herald.channel.DeliveryOutcome;
import org.herald.channel.DeliveryOutcome.Kind;
import org.herald.channel.OutgoingMessage;
import org.herald.channel.ProviderFeedback;
import org.herald.channel.PushAddress.Platform;
import org.herald.channel.RecordingEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FCM HTTP v1 against a local stand-in for Google's OAuth token endpoint and the FCM API: the
 * stand-in checks the service-account assertion's RS256 signature with the account's public key.
 */
class FcmPushTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:30:00Z"), ZoneOffset.UTC);
    private static final String SEND = "/v1/projects/herald-test/messages:send";
    private static final String TOKEN_PATH = "/token";

    private static LocalHttpServer google;
    private static KeyPair accountKey;
    private static Path serviceAccount;

    private final AtomicInteger tokensIssued = new AtomicInteger();
    private RecordingEvent<ProviderFeedback> feedback;
    private DirectPushSender sender;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        google = new LocalHttpServer();
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        accountKey = rsa.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(accountKey.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        serviceAccount = dir.resolve("service-account.json");
        Files.writeString(serviceAccount, JSON.writeValueAsString(Map.of(
                "type", "service_account",
                "project_id", "herald-test",
                "private_key_id", "key-1",
                "private_key", pem,
                "client_email", "herald@herald-test.iam.example.com",
                "token_uri", google.base() + TOKEN_PATH)));
    }

    @AfterAll
    static void stop() {
        google.close();
    }

    @BeforeEach
    void setUp() {
        google.reset();
        google.answer(TOKEN_PATH, this::issueTokenForAValidAssertion);
        feedback = new RecordingEvent<>();
        sender = new DirectPushSender(PushFixtures.config(Map.of(
                "herald.push.fcm.service-account-file", serviceAccount.toString(),
                "herald.push.fcm.api-base-url", google.base().toString())), CLOCK, feedback, HttpClient.newHttpClient());
    }

    /** Google's token endpoint, as far as Herald can tell: a bearer token only for a correctly signed assertion. */
    private LocalHttpServer.Answer issueTokenForAValidAssertion(LocalHttpServer.Seen request) {
        try {
            Map<String, String> form = form(request.bodyText());
            assertThat(form).containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
            String[] jwt = form.get("assertion").split("\\.");
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(accountKey.getPublic());
            rs256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rs256.verify(Base64.getUrlDecoder().decode(jwt[2]))) {
                return LocalHttpServer.Answer.json(400, "{\"error\":\"invalid_grant\"}");
            }
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
            assertThat(claims.path("iss").asText()).isEqualTo("herald@herald-test.iam.example.com");
            assertThat(claims.path("scope").asText()).isEqualTo("https://www.googleapis.com/auth/firebase.messaging");
            assertThat(claims.path("aud").asText()).isEqualTo(google.base() + TOKEN_PATH);
            assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(3600);
            return LocalHttpServer.Answer.json(200, "{\"access_token\":\"ya29.test-" + tokensIssued.incrementAndGet()
                    + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}");
        } catch (Exception e) {
            return LocalHttpServer.Answer.json(500, "{}");
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String fcmError(int code, String status, String errorCode) {
        return """
                {"error": {"code": %d, "message": "test", "status": "%s",
                  "details": [{"@type": "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode": "%s"}]}}
                """.formatted(code, status, errorCode);
    }

    @Test
    void fcmAcceptsANotificationSentWithTheServiceAccountsBearerToken() throws Exception {
        google.answer(SEND, r -> LocalHttpServer.Answer.json(200, "{\"name\":\"projects/herald-test/messages/0:1500415314455276%31bd1c9631bd1c96\"}"));
        OutgoingMessage push = PushFixtures.pushTo(Platform.FCM, "fcm-registration-token-1");

        DeliveryOutcome outcome = sender.send(push);
        sender.send(PushFixtures.pushTo(Platform.FCM, "fcm-registration-token-2"));

        assertThat(outcome.kind()).isEqualTo(Kind.ACCEPTED);
        assertThat(outcome.providerReference()).isEqualTo("projects/herald-test/messages/0:1500415314455276%31bd1c9631bd1c96");
        LocalHttpServer.Seen request = google.seen(SEND).get(0);
        assertThat(request.header("Authorization")).isEqualTo("Bearer ya29.test-1");
        JsonNode message = JSON.readTree(request.body()).path("message");
        assertThat(message.path("token").asText()).isEqualTo("fcm-registration-token-1");
        assertThat(message.path("notification").path("title").asText()).isEqualTo("Herald test notice");
        assertThat(message.path("notification").path("body").asText()).isEqualTo(push.textBody());
        assertThat(message.path("data").path("link").asText()).isEqualTo(PushFixtures.LINK);
        assertThat(message.path("data").path("key").asText()).isEqualTo(push.idempotencyKey().value());
        assertThat(tokensIssued).as("the access token is reused while valid").hasValue(1);
        assertThat(feedback.fired()).isEmpty();
    }

    @Test
    void anUnregisteredTokenIsPermanentAndPublishedAsFeedback() {
        google.answer(SEND, r -> LocalHttpServer.Answer.json(404, fcmError(404, "NOT_FOUND", "UNREGISTERED")));
        OutgoingMessage push = PushFixtures.pushTo(Platform.FCM, "fcm-registration-token-gone");

        DeliveryOutcome outcome = sender.send(push);

        assertThat(outcome.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(outcome.providerCode()).isEqualTo("fcm:UNREGISTERED");
        assertThat(feedback.fired()).singleElement().satisfies(f -> {
            assertThat(f.idempotencyKey()).isEqualTo(push.idempotencyKey());
            assertThat(f.outcome().kind()).isEqualTo(Kind.PERMANENT);
        });
    }

    @Test
    void aQuotaRefusalIsRetryableAfterTheDelayFcmAsksFor() {
        google.answer(SEND, r -> new LocalHttpServer.Answer(429, Map.of("Retry-After", "120", "Content-Type", "application/json"),
                fcmError(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED").getBytes(StandardCharsets.UTF_8)));

        DeliveryOutcome outcome = sender.send(PushFixtures.pushTo(Platform.FCM, "fcm-registration-token-3"));

        assertThat(outcome.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(outcome.providerCode()).isEqualTo("fcm:QUOTA_EXCEEDED");
        assertThat(outcome.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(feedback.fired()).isEmpty();
    }

    @Test
    void anUnavailableServiceIsRetryable() {
        google.answer(SEND, r -> LocalHttpServer.Answer.json(503, fcmError(503, "UNAVAILABLE", "UNAVAILABLE")));

        DeliveryOutcome outcome = sender.send(PushFixtures.pushTo(Platform.FCM, "fcm-registration-token-4"));

        assertThat(outcome.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(outcome.retryAfter()).isNull();
    }

    @Test
    void aRefusedAccessTokenIsRetryableAndANewOneIsFetchedNextTime() {
        google.answer(SEND, r -> LocalHttpServer.Answer.json(401, "{\"error\":{\"code\":401,\"status\":\"UNAUTHENTICATED\"}}"));
        DeliveryOutcome outcome = sender.send(PushFixtures.pushTo(Platform.FCM, "fcm-registration-token-5"));
        assertThat(outcome.kind()).isEqualTo(Kind.RETRYABLE);

        google.answer(SEND, r -> LocalHttpServer.Answer.json(200, "{\"name\":\"projects/herald-test/messages/2\"}"));
        assertThat(sender.send(PushFixtures.pushTo(Platform.FCM, "fcm-registration-token-5")).kind()).isEqualTo(Kind.ACCEPTED);
        assertThat(google.seen(SEND).get(1).header("Authorization")).isEqualTo("Bearer ya29.test-2");
    }

    @Test
    void aLongNoticeIsCutSoThePayloadStaysWithinFourKilobytes() throws Exception {
        google.answer(SEND, r -> LocalHttpServer.Answer.json(200, "{\"name\":\"projects/herald-test/messages/3\"}"));
        String longText = "您的账户可能受到影响。".repeat(800);

        DeliveryOutcome outcome = sender.send(PushFixtures.pushTo(Platform.FCM, "fcm-registration-token-6", longText));

        assertThat(outcome.kind()).isEqualTo(Kind.ACCEPTED);
        byte[] body = google.seen(SEND).get(0).body();
        assertThat(body.length).isLessThanOrEqualTo(4096);
        JsonNode message = JSON.readTree(body).path("message");
        assertThat(message.path("notification").path("body").asText()).endsWith("…").startsWith("您的账户可能受到影响。");
        assertThat(message.path("data").path("link").asText()).isEqualTo(PushFixtures.LINK);
    }

    @Test
    void anUnreachableFcmIsRetryableAndCannotHaveTheMessage() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        DirectPushSender offline = new DirectPushSender(PushFixtures.config(Map.of(
                "herald.push.fcm.service-account-file", serviceAccount.toString(),
                "herald.push.fcm.api-base-url", "http://localhost:" + closedPort)), CLOCK, feedback, HttpClient.newHttpClient());

        DeliveryOutcome outcome = offline.send(PushFixtures.pushTo(Platform.FCM, "fcm-registration-token-7"));

        assertThat(outcome.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(outcome.providerCode()).isEqualTo("connect");
    }
}
