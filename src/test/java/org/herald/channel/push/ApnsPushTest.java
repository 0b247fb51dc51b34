package org.herald.channel.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.pushy.apns.auth.ApnsVerificationKey;
import com.eatthepath.pushy.apns.server.MockApnsServer;
import com.eatthepath.pushy.apns.server.MockApnsServerBuilder;
import com.eatthepath.pushy.apns.server.PushNotificationHandler;
import com.eatthepath.pushy.apns.server.PushNotificationHandlerFactory;
import com.eatthepath.pushy.apns.server.RejectedNotificationException;
import com.eatthepath.pushy.apns.server.RejectionReason;
import com.eatthepath.pushy.apns.server.ValidatingPushNotificationHandlerFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
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
 * APNs through Pushy against Pushy's own {@link MockApnsServer}, which validates the provider
 * token (ES256 with the team's key), the topic and the device token as APNs does.
 */
class ApnsPushTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEAM = "TEAM123456";
    private static final String KEY_ID = "KEY1234567";
    private static final String TOPIC = "org.example.herald";
    private static final String ACTIVE = "a".repeat(64);
    private static final String UNINSTALLED = "b".repeat(64);
    private static final String THROTTLED = "c".repeat(64);
    private static final String FAILING = "d".repeat(64);
    private static final String OTHER_APP = "e".repeat(64);
    private static final String MALFORMED = "f".repeat(64);

    private static MockApnsServer apns;
    private static int port;
    private static Path signingKey;
    private static Path trusted;
    private static final List<String> payloads = new CopyOnWriteArrayList<>();

    private RecordingEvent<ProviderFeedback> feedback;
    private DirectPushSender sender;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair teamKey = ec.generateKeyPair();
        signingKey = dir.resolve("AuthKey_" + KEY_ID + ".p8");
        Files.writeString(signingKey, pem("PRIVATE KEY", teamKey.getPrivate().getEncoded()));

        KeyPair tlsKey = ec.generateKeyPair();
        X509Certificate certificate = selfSigned(tlsKey);
        trusted = dir.resolve("apns-ca.pem");
        Files.writeString(trusted, pem("CERTIFICATE", certificate.getEncoded()));

        ApnsVerificationKey verification = new ApnsVerificationKey(KEY_ID, TEAM, (ECPublicKey) teamKey.getPublic());
        Map<String, Set<String>> tokensByTopic = Map.of(TOPIC, Set.of(ACTIVE, UNINSTALLED, THROTTLED, FAILING));
        Map<String, Instant> expired = new ConcurrentHashMap<>(Map.of(UNINSTALLED, Instant.parse("2026-02-01T00:00:00Z")));
        PushNotificationHandlerFactory validating = new ValidatingPushNotificationHandlerFactory(tokensByTopic, expired,
                Map.of(KEY_ID, verification), Map.of(verification, Set.of(TOPIC)));
        PushNotificationHandlerFactory scripted = session -> {
            PushNotificationHandler real = validating.buildHandler(session);
            return (headers, payload) -> {
                String path = String.valueOf(headers.path());
                if (path.endsWith(THROTTLED)) {
                    throw new RejectedNotificationException(RejectionReason.TOO_MANY_REQUESTS);
                }
                if (path.endsWith(MALFORMED)) {
                    throw new RejectedNotificationException(RejectionReason.BAD_DEVICE_TOKEN);
                }
                if (path.endsWith(FAILING)) {
                    throw new RejectedNotificationException(RejectionReason.SERVICE_UNAVAILABLE);
                }
                real.handlePushNotification(headers, payload);
                payloads.add(payload.toString(StandardCharsets.UTF_8));
            };
        };
        apns = new MockApnsServerBuilder()
                .setServerCredentials(new X509Certificate[] {certificate}, tlsKey.getPrivate(), null)
                .setHandlerFactory(scripted)
                .build();
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        apns.start(port).get();
    }

    @AfterAll
    static void stop() throws Exception {
        apns.shutdown().get();
    }

    @BeforeEach
    void setUp() {
        payloads.clear();
        feedback = new RecordingEvent<>();
        sender = new DirectPushSender(PushFixtures.config(Map.of(
                "herald.push.apns.signing-key-file", signingKey.toString(),
                "herald.push.apns.team-id", TEAM,
                "herald.push.apns.key-id", KEY_ID,
                "herald.push.apns.topic", TOPIC,
                "herald.push.apns.host", "localhost",
                "herald.push.apns.port", String.valueOf(port),
                "herald.push.apns.trusted-certificate-file", trusted.toString())), Clock.systemUTC(), feedback,
                HttpClient.newHttpClient());
    }

    @Test
    void apnsAcceptsANotificationSignedWithTheTeamsKey() throws Exception {
        OutgoingMessage push = PushFixtures.pushTo(Platform.APNS, ACTIVE);
        try {
            DeliveryOutcome outcome = sender.send(push);

            assertThat(outcome.kind()).isEqualTo(Kind.ACCEPTED);
            assertThat(outcome.providerReference()).isNotBlank();
            JsonNode payload = JSON.readTree(payloads.get(0));
            assertThat(payload.path("aps").path("alert").path("title").asText()).isEqualTo("Herald test notice");
            assertThat(payload.path("aps").path("alert").path("body").asText()).isEqualTo(push.textBody());
            assertThat(payload.path("link").asText()).isEqualTo(PushFixtures.LINK);
            assertThat(payload.path("key").asText()).isEqualTo(push.idempotencyKey().value());
            assertThat(feedback.fired()).isEmpty();
        } finally {
            sender.close();
        }
    }

    @Test
    void anUnregisteredDeviceIsPermanentAndPublishedAsFeedback() {
        OutgoingMessage push = PushFixtures.pushTo(Platform.APNS, UNINSTALLED);
        try {
            DeliveryOutcome outcome = sender.send(push);

            assertThat(outcome.kind()).isEqualTo(Kind.PERMANENT);
            assertThat(outcome.providerCode()).isEqualTo("apns:Unregistered");
            assertThat(feedback.fired()).singleElement().satisfies(f -> {
                assertThat(f.idempotencyKey()).isEqualTo(push.idempotencyKey());
                assertThat(f.outcome().kind()).isEqualTo(Kind.PERMANENT);
            });
        } finally {
            sender.close();
        }
    }

    @Test
    void aBadTokenOrATokenOfAnotherAppIsPermanentAndPublishedAsFeedback() {
        try {
            DeliveryOutcome bad = sender.send(PushFixtures.pushTo(Platform.APNS, MALFORMED));
            DeliveryOutcome otherApp = sender.send(PushFixtures.pushTo(Platform.APNS, OTHER_APP));

            assertThat(bad.kind()).isEqualTo(Kind.PERMANENT);
            assertThat(bad.providerCode()).isEqualTo("apns:BadDeviceToken");
            assertThat(otherApp.kind()).isEqualTo(Kind.PERMANENT);
            assertThat(otherApp.providerCode()).isEqualTo("apns:DeviceTokenNotForTopic");
            assertThat(feedback.fired()).hasSize(2);
        } finally {
            sender.close();
        }
    }

    @Test
    void tooManyRequestsAndAnUnavailableServiceAreRetryable() {
        try {
            DeliveryOutcome throttled = sender.send(PushFixtures.pushTo(Platform.APNS, THROTTLED));
            DeliveryOutcome unavailable = sender.send(PushFixtures.pushTo(Platform.APNS, FAILING));

            assertThat(throttled.kind()).isEqualTo(Kind.RETRYABLE);
            assertThat(throttled.providerCode()).isEqualTo("apns:TooManyRequests");
            assertThat(unavailable.kind()).isEqualTo(Kind.RETRYABLE);
            assertThat(unavailable.providerCode()).isEqualTo("apns:ServiceUnavailable");
            assertThat(feedback.fired()).isEmpty();
        } finally {
            sender.close();
        }
    }

    @Test
    void anUnconfiguredPlatformReachesNobodyAndFallsBack() {
        DirectPushSender withoutApns = new DirectPushSender(PushFixtures.config(Map.of()), Clock.systemUTC(), feedback,
                HttpClient.newHttpClient());

        DeliveryOutcome outcome = withoutApns.send(PushFixtures.pushTo(Platform.APNS, ACTIVE));

        assertThat(outcome.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(outcome.providerCode()).isEqualTo("apns:not-configured");
    }

    private static X509Certificate selfSigned(KeyPair key) throws Exception {
        X500Name name = new X500Name("CN=localhost");
        Date from = Date.from(Instant.now().minusSeconds(3600));
        Date to = Date.from(Instant.now().plusSeconds(86400));
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(System.nanoTime()),
                from, to, name, key.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
