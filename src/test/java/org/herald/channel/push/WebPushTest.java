package org.herald.channel.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
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

/**
 * Web Push against a local push service that plays the browser too: it holds the subscription's
 * private key, decrypts what Herald sent (RFC 8291, aes128gcm) and checks the VAPID signature.
 */
class WebPushTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:30:00Z"), ZoneOffset.UTC);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private static LocalHttpServer pushService;
    private static KeyPair browserKey;
    private static byte[] authSecret;
    private static KeyPair vapidKey;

    private RecordingEvent<ProviderFeedback> feedback;
    private DirectPushSender sender;

    @BeforeAll
    static void start() throws Exception {
        pushService = new LocalHttpServer();
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        browserKey = ec.generateKeyPair();
        vapidKey = ec.generateKeyPair();
        authSecret = new byte[16];
        new SecureRandom().nextBytes(authSecret);
    }

    @AfterAll
    static void stop() {
        pushService.close();
    }

    @BeforeEach
    void setUp() {
        pushService.reset();
        feedback = new RecordingEvent<>();
        byte[] scalar = unsigned32(((ECPrivateKey) vapidKey.getPrivate()).getS());
        sender = new DirectPushSender(PushFixtures.config(Map.of(
                "herald.push.webpush.vapid-public-key", B64.encodeToString(point((ECPublicKey) vapidKey.getPublic())),
                "herald.push.webpush.vapid-private-key", B64.encodeToString(scalar),
                "herald.push.webpush.subject", "mailto:privacy@example.org",
                "herald.push.webpush.ttl", "PT6H")), CLOCK, feedback, HttpClient.newHttpClient());
    }

    private static String subscription(String path) {
        return """
                {"endpoint": "%s%s", "expirationTime": null,
                 "keys": {"p256dh": "%s", "auth": "%s"}}
                """.formatted(pushService.base(), path, B64.encodeToString(point((ECPublicKey) browserKey.getPublic())),
                B64.encodeToString(authSecret));
    }

    @Test
    void theBrowserCanDecryptTheNotificationAndThePushServiceSeesAValidVapidToken() throws Exception {
        pushService.answer("/push/sub-1", r -> LocalHttpServer.Answer.empty(201, Map.of("Location", "/message/m-1")));
        OutgoingMessage push = PushFixtures.pushTo(Platform.WEBPUSH, subscription("/push/sub-1"), "通知：您的账户可能受到影响。");

        DeliveryOutcome outcome = sender.send(push);

        assertThat(outcome.kind()).isEqualTo(Kind.ACCEPTED);
        assertThat(outcome.providerReference()).isEqualTo("/message/m-1");
        LocalHttpServer.Seen request = pushService.seen("/push/sub-1").get(0);
        assertThat(request.header("Content-Encoding")).isEqualTo("aes128gcm");
        assertThat(request.header("TTL")).isEqualTo("21600");
        assertThat(request.body().length).isLessThanOrEqualTo(4096);

        JsonNode notification = JSON.readTree(decrypt(request.body()));
        assertThat(notification.path("title").asText()).isEqualTo("Herald test notice");
        assertThat(notification.path("body").asText()).isEqualTo("通知：您的账户可能受到影响。");
        assertThat(notification.path("link").asText()).isEqualTo(PushFixtures.LINK);
        assertThat(notification.path("key").asText()).isEqualTo(push.idempotencyKey().value());

        assertVapid(request.header("Authorization"));
    }

    @Test
    void aLongTextIsCutSoTheEncryptedMessageFitsOneRecord() throws Exception {
        pushService.answer("/push/sub-2", r -> LocalHttpServer.Answer.empty(201, Map.of()));

        sender.send(PushFixtures.pushTo(Platform.WEBPUSH, subscription("/push/sub-2"), "An incident may affect you. ".repeat(400)));

        byte[] body = pushService.seen("/push/sub-2").get(0).body();
        assertThat(body.length).isLessThanOrEqualTo(4096);
        assertThat(JSON.readTree(decrypt(body)).path("body").asText()).endsWith("…");
    }

    @Test
    void anExpiredSubscriptionIsPermanentAndPublishedAsFeedback() {
        pushService.answer("/push/sub-3", r -> LocalHttpServer.Answer.empty(410, Map.of()));
        OutgoingMessage push = PushFixtures.pushTo(Platform.WEBPUSH, subscription("/push/sub-3"));

        DeliveryOutcome outcome = sender.send(push);

        assertThat(outcome.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(outcome.providerCode()).isEqualTo("webpush:http-410");
        assertThat(feedback.fired()).singleElement().satisfies(f -> {
            assertThat(f.idempotencyKey()).isEqualTo(push.idempotencyKey());
            assertThat(f.outcome().kind()).isEqualTo(Kind.PERMANENT);
        });
    }

    @Test
    void aNotFoundSubscriptionIsPermanentToo() {
        pushService.answer("/push/sub-4", r -> LocalHttpServer.Answer.empty(404, Map.of()));

        assertThat(sender.send(PushFixtures.pushTo(Platform.WEBPUSH, subscription("/push/sub-4"))).kind()).isEqualTo(Kind.PERMANENT);
        assertThat(feedback.fired()).hasSize(1);
    }

    @Test
    void tooManyRequestsIsRetryableAfterTheDelayAskedFor() {
        pushService.answer("/push/sub-5", r -> LocalHttpServer.Answer.empty(429, Map.of("Retry-After", "Mon, 02 Mar 2026 09:31:00 GMT")));

        DeliveryOutcome outcome = sender.send(PushFixtures.pushTo(Platform.WEBPUSH, subscription("/push/sub-5")));

        assertThat(outcome.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(outcome.retryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(feedback.fired()).isEmpty();
    }

    @Test
    void aServerErrorIsRetryable() {
        pushService.answer("/push/sub-6", r -> LocalHttpServer.Answer.empty(500, Map.of()));

        DeliveryOutcome outcome = sender.send(PushFixtures.pushTo(Platform.WEBPUSH, subscription("/push/sub-6")));

        assertThat(outcome.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(outcome.providerCode()).isEqualTo("webpush:http-500");
    }

    @Test
    void aSubscriptionWithoutUsableKeysIsPermanentWithoutAsking() {
        DeliveryOutcome outcome = sender.send(PushFixtures.pushTo(Platform.WEBPUSH,
                "{\"endpoint\": \"" + pushService.base() + "/push/sub-7\", \"keys\": {\"p256dh\": \"AAAA\", \"auth\": \"AAAA\"}}"));

        assertThat(outcome.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(pushService.seen("/push/sub-7")).isEmpty();
    }

    /** The browser's side of RFC 8291/8188: one record, keys from ECDH with the sender's key id. */
    private static byte[] decrypt(byte[] message) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(message);
        byte[] salt = new byte[16];
        in.get(salt);
        int recordSize = in.getInt();
        assertThat(recordSize).isGreaterThanOrEqualTo(message.length - 86);
        byte[] senderPublic = new byte[in.get() & 0xff];
        in.get(senderPublic);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);

        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(browserKey.getPrivate());
        ecdh.doPhase(publicKey(senderPublic), true);
        byte[] shared = ecdh.generateSecret();
        byte[] uaPublic = point((ECPublicKey) browserKey.getPublic());
        byte[] keyInfo = cat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), uaPublic, senderPublic);
        byte[] ikm = hkdf(authSecret, shared, keyInfo, 32);
        byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
        byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = aes.doFinal(ciphertext);
        int end = padded.length - 1;
        while (padded[end] == 0) {
            end--;
        }
        assertThat(padded[end]).as("last-record delimiter").isEqualTo((byte) 2);
        return Arrays.copyOf(padded, end);
    }

    private void assertVapid(String authorization) throws Exception {
        assertThat(authorization).startsWith("vapid t=");
        String token = authorization.substring("vapid t=".length(), authorization.indexOf(','));
        String k = authorization.substring(authorization.indexOf("k=") + 2).trim();
        assertThat(Base64.getUrlDecoder().decode(k)).isEqualTo(point((ECPublicKey) vapidKey.getPublic()));
        String[] jwt = token.split("\\.");
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initVerify(publicKey(Base64.getUrlDecoder().decode(k)));
        es256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(es256.verify(Base64.getUrlDecoder().decode(jwt[2]))).as("VAPID signature").isTrue();
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(jwt[0]));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        assertThat(header.path("alg").asText()).isEqualTo("ES256");
        assertThat(claims.path("aud").asText()).isEqualTo(pushService.base().toString());
        assertThat(claims.path("sub").asText()).isEqualTo("mailto:privacy@example.org");
        assertThat(claims.path("exp").asLong()).isEqualTo(CLOCK.instant().plus(Duration.ofHours(12)).getEpochSecond());
    }

    private static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws Exception {
        Mac extract = Mac.getInstance("HmacSHA256");
        extract.init(new SecretKeySpec(salt, "HmacSHA256"));
        Mac expand = Mac.getInstance("HmacSHA256");
        expand.init(new SecretKeySpec(extract.doFinal(ikm), "HmacSHA256"));
        return Arrays.copyOf(expand.doFinal(cat(info, new byte[] {1})), length);
    }

    private static ECPublicKey publicKey(byte[] point) throws Exception {
        ECPublicKey template = (ECPublicKey) browserKey.getPublic();
        ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 33)), new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, template.getParams()));
    }

    private static byte[] point(ECPublicKey key) {
        return cat(new byte[] {4}, unsigned32(key.getW().getAffineX()), unsigned32(key.getW().getAffineY()));
    }

    private static byte[] unsigned32(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int len = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - len, out, 32 - len, len);
        return out;
    }

    private static byte[] cat(byte[]... parts) {
        ByteBuffer b = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }
}
