package org.herald.channel.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.herald.channel.DeliveryOutcome;
import org.herald.channel.IdempotencyKey;
import org.herald.channel.PushAddress;
import org.herald.channel.RetryAfter;

/**
 * Web Push (RFC 8030): the encrypted message (RFC 8291) is posted to the subscription's endpoint,
 * with the application server identified by a VAPID token (RFC 8292) signed ES256.
 */
final class WebPushClient implements PushPlatformClient {

    static final String PLATFORM = "webpush";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PushConfig.WebPush config;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    WebPushClient(PushConfig.WebPush config, HttpClient http, Duration timeout, Clock clock) {
        this.config = config;
        this.http = http;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** A browser's push subscription: where to post, and the keys to encrypt for. */
    record Subscription(URI endpoint, byte[] p256dh, byte[] auth) {

        /** Reads {@code PushSubscription.toJSON()}: {@code {"endpoint": …, "keys": {"p256dh": …, "auth": …}}}. */
        static Subscription parse(String json) {
            try {
                JsonNode node = JSON.readTree(json);
                URI endpoint = URI.create(node.path("endpoint").asText());
                if (!"https".equals(endpoint.getScheme()) && !"http".equals(endpoint.getScheme())) {
                    throw new IllegalArgumentException("the endpoint is not an http(s) URL");
                }
                byte[] p256dh = Base64.getUrlDecoder().decode(node.path("keys").path("p256dh").asText().replace("=", ""));
                byte[] auth = Base64.getUrlDecoder().decode(node.path("keys").path("auth").asText().replace("=", ""));
                if (p256dh.length != 65 || auth.length != 16) {
                    throw new IllegalArgumentException("the subscription keys have the wrong length");
                }
                return new Subscription(endpoint, p256dh, auth);
            } catch (IOException e) {
                throw new IllegalArgumentException("the subscription is not JSON");
            }
        }
    }

    @Override
    public PushAddress.Platform platform() {
        return PushAddress.Platform.WEBPUSH;
    }

    @Override
    public boolean configured() {
        return config.vapidPublicKey().isPresent() && config.vapidPrivateKey().isPresent();
    }

    @Override
    public PushAnswer send(IdempotencyKey key, String token, PushContent content) {
        Subscription subscription;
        try {
            subscription = Subscription.parse(token);
        } catch (IllegalArgumentException e) {
            return PushAnswer.gone(PLATFORM, "bad-subscription", "the Web Push subscription is not usable: " + e.getMessage());
        }
        byte[] body;
        String authorization;
        try {
            byte[] plaintext = content.fit(WebPushEncryption.RECORD_SIZE - WebPushEncryption.OVERHEAD, c -> payload(key, c));
            body = WebPushEncryption.encrypt(plaintext, subscription.p256dh(), subscription.auth());
            authorization = "vapid t=" + vapidToken(subscription.endpoint()) + ", k=" + config.vapidPublicKey().orElseThrow();
        } catch (IllegalArgumentException e) {
            return PushAnswer.of(DeliveryOutcome.permanent(PushOutcomes.PROVIDER, "webpush:payload-too-large", e.getMessage()));
        } catch (GeneralSecurityException e) {
            return PushAnswer.gone(PLATFORM, "bad-subscription", "the subscription's key cannot be used for encryption");
        }
        HttpResponse<Void> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(subscription.endpoint()).timeout(timeout)
                    .header("Content-Encoding", "aes128gcm")
                    .header("Content-Type", "application/octet-stream")
                    .header("TTL", String.valueOf(config.ttl().toSeconds()))
                    .header("Urgency", "high")
                    .header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            return PushAnswer.of(PushOutcomes.noAnswer(PLATFORM, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PushAnswer.of(PushOutcomes.noAnswer(PLATFORM, e));
        }
        int status = answer.statusCode();
        if (status >= 200 && status < 300) {
            return PushAnswer.of(DeliveryOutcome.accepted(PushOutcomes.PROVIDER, answer.headers().firstValue("Location").orElse(null),
                    "webpush:" + status, "the push service accepted the notification for the browser"));
        }
        if (status == 404 || status == 410) {
            return PushAnswer.gone(PLATFORM, "http-" + status, "the browser's push subscription has expired or was withdrawn");
        }
        if (status == 413) {
            return PushAnswer.of(DeliveryOutcome.permanent(PushOutcomes.PROVIDER, "webpush:http-413",
                    "the push service found the notification too large"));
        }
        Duration retryAfter = answer.headers().firstValue("Retry-After").flatMap(v -> RetryAfter.parse(v, clock)).orElse(null);
        return PushAnswer.of(PushOutcomes.byStatus(PLATFORM, status, "http-" + status, retryAfter));
    }

    /** RFC 8292 §2: a JWT for the endpoint's origin, valid 12 hours, signed ES256 with the VAPID key. */
    String vapidToken(URI endpoint) throws GeneralSecurityException {
        String audience = endpoint.getScheme() + "://" + endpoint.getHost() + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort());
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", audience);
        claims.put("exp", clock.instant().plus(Duration.ofHours(12)).getEpochSecond());
        claims.put("sub", config.subject());
        String signingInput;
        try {
            signingInput = b64("{\"typ\":\"JWT\",\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + b64(JSON.writeValueAsBytes(claims));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ECPrivateKey key = WebPushEncryption.privateKey(Base64.getUrlDecoder().decode(config.vapidPrivateKey().orElseThrow()));
        // JWS wants the raw R || S form, not DER.
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initSign(key);
        es256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64(es256.sign());
    }

    static byte[] payload(IdempotencyKey key, PushContent content) {
        ObjectNode root = JSON.createObjectNode();
        root.put("title", content.title());
        root.put("body", content.text());
        if (content.link() != null) {
            root.put("link", content.link());
        }
        root.put("key", key.value());
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
