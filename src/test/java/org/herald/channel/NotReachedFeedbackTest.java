package org.herald.channel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.herald.channel.DeliveryOutcome.Kind;
import org.herald.channel.letter.LetterOffice;
import org.herald.channel.letter.PrintHouseLetterSender;
import org.herald.channel.push.PushTestAccess;
import org.herald.channel.sms.RecordedFeedback;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.Test;

/**
 * The four ways a provider says "this person was not reached" after (or while) taking a message:
 * an e-mail hard bounce, an undelivered SMS, an unregistered push subscription and a returned
 * letter. Each must reach the notice engine as a {@link ProviderFeedback} with a PERMANENT outcome
 * for the attempt's own key; the engine's fallback is tested with the engine.
 */
@QuarkusTest
class NotReachedFeedbackTest {

    @Inject
    RecordedFeedback feedback;

    @Inject
    Event<ProviderFeedback> events;

    @Inject
    PrintHouseLetterSender printHouse;

    @Inject
    LetterOffice office;

    private static IdempotencyKey aKey() {
        return new IdempotencyKey(UUID.randomUUID(), 1);
    }

    private void assertPermanentFeedbackFor(IdempotencyKey key) {
        assertThat(feedback.about(key)).as("feedback for " + key).last().satisfies(f -> {
            assertThat(f.idempotencyKey()).isEqualTo(key);
            assertThat(f.outcome().kind()).isEqualTo(Kind.PERMANENT);
        });
    }

    @Test
    void anEmailHardBounce() {
        IdempotencyKey key = aKey();
        String report = ("From: MAILER-DAEMON@mx.example.com\nTo: bounces@example.org\nSubject: Undelivered\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\n"
                + "Returned.\n\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.com\n\n"
                + "Final-Recipient: rfc822; subject-1@example.org\nAction: failed\nStatus: 5.1.1\n\n--B\n"
                + "Content-Type: text/rfc822-headers\n\nMessage-ID: <" + key.value() + "@herald.example.org>\n\n--B--\n")
                .replace("\n", "\r\n");

        given().header("Authorization", "Bearer test-bounce-token-not-a-secret").contentType("message/rfc822")
                .body(report.getBytes(StandardCharsets.US_ASCII)).post("/api/webhooks/email/bounces").then().statusCode(202);

        assertPermanentFeedbackFor(key);
    }

    @Test
    void anUndeliveredSms() throws Exception {
        IdempotencyKey key = aKey();
        Map<String, String> form = new TreeMap<>(Map.of("AccountSid", "AC00000000000000000000000000000000",
                "MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""), "MessageStatus", "undelivered",
                "ErrorCode", "30005"));
        StringBuilder signed = new StringBuilder("http://localhost:8080/api/webhooks/twilio/status?key=" + key.value());
        form.forEach((k, v) -> signed.append(k).append(v));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec("test-auth-token-not-a-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));

        given().queryParam("key", key.value()).formParams(form)
                .header("X-Twilio-Signature", Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8))))
                .post("/api/webhooks/twilio/status").then().statusCode(204);

        assertPermanentFeedbackFor(key);
    }

    @Test
    void anUnregisteredPushSubscription() throws Exception {
        HttpServer pushService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pushService.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(410, -1);
            exchange.close();
        });
        pushService.start();
        try {
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair vapid = ec.generateKeyPair();
            KeyPair browser = ec.generateKeyPair();
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            ChannelSender push = PushTestAccess.directSender(Map.of(
                    "herald.push.webpush.vapid-public-key", b64.encodeToString(point((ECPublicKey) vapid.getPublic())),
                    "herald.push.webpush.vapid-private-key", b64.encodeToString(unsigned32(((ECPrivateKey) vapid.getPrivate()).getS()))),
                    Clock.systemUTC(), events, HttpClient.newHttpClient());
            IdempotencyKey key = aKey();
            String subscription = "{\"endpoint\": \"http://localhost:" + pushService.getAddress().getPort() + "/push/gone\", "
                    + "\"keys\": {\"p256dh\": \"" + b64.encodeToString(point((ECPublicKey) browser.getPublic()))
                    + "\", \"auth\": \"" + b64.encodeToString(new byte[16]) + "\"}}";

            DeliveryOutcome outcome = push.send(OutgoingMessage.push(key, new PushAddress(PushAddress.Platform.WEBPUSH, subscription),
                    Locale.ENGLISH, "Herald test notice", "Short text.", "https://notices.example.org/n/1"));

            assertThat(outcome.kind()).isEqualTo(Kind.PERMANENT);
            assertPermanentFeedbackFor(key);
        } finally {
            pushService.stop(0);
        }
    }

    @Test
    void aReturnedLetter() {
        IdempotencyKey key = aKey();
        printHouse.send(OutgoingMessage.letter(key, "Test Subject 9", new PostalAddressLines(List.of("9 Example Road"),
                "Springfield", null, "EX9 9MP", "GB"), Locale.ENGLISH, "Notice", "Returned letter.", null));
        String barcode = QuarkusTransaction.requiringNew().call(() -> office.byKey(key.value()).orElseThrow().barcode());

        TestUsers.asAnalyst().contentType("text/csv").body(barcode + "\n").post("/api/letters/returns").then().statusCode(200);

        assertPermanentFeedbackFor(key);
    }

    private static byte[] point(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 4;
        System.arraycopy(unsigned32(key.getW().getAffineX()), 0, out, 1, 32);
        System.arraycopy(unsigned32(key.getW().getAffineY()), 0, out, 33, 32);
        return out;
    }

    private static byte[] unsigned32(java.math.BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int len = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - len, out, 32 - len, len);
        return out;
    }
}
