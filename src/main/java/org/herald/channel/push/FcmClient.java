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
import java.time.Clock;
import java.time.Duration;
import org.herald.channel.DeliveryOutcome;
import org.herald.channel.IdempotencyKey;
import org.herald.channel.PushAddress;
import org.herald.channel.RetryAfter;

/**
 * Firebase Cloud Messaging, HTTP v1: {@code POST /v1/projects/{project}/messages:send} with a
 * bearer token earned by the service account, one message per registration token.
 */
final class FcmClient implements PushPlatformClient {

    static final String PLATFORM = "fcm";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PushConfig.Fcm config;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private volatile FcmServiceAccount account;

    FcmClient(PushConfig.Fcm config, HttpClient http, Duration timeout, Clock clock) {
        this.config = config;
        this.http = http;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public PushAddress.Platform platform() {
        return PushAddress.Platform.FCM;
    }

    @Override
    public boolean configured() {
        return config.serviceAccountFile().isPresent();
    }

    @Override
    public PushAnswer send(IdempotencyKey key, String token, PushContent content) {
        FcmServiceAccount sa;
        String bearer;
        try {
            sa = account();
            bearer = sa.accessToken();
        } catch (IOException | UncheckedIOException e) {
            return PushAnswer.of(DeliveryOutcome.retryable(PushOutcomes.PROVIDER, "fcm:oauth",
                    "Herald could not obtain an FCM access token", null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PushAnswer.of(PushOutcomes.noAnswer(PLATFORM, e));
        }
        byte[] body;
        try {
            body = content.fit(PushContent.LIMIT_BYTES, c -> message(key, token, c));
        } catch (IllegalArgumentException e) {
            return PushAnswer.of(DeliveryOutcome.permanent(PushOutcomes.PROVIDER, "fcm:payload-too-large", e.getMessage()));
        }
        String project = config.projectId().orElse(sa.projectId());
        URI uri = URI.create(config.apiBaseUrl().toString().replaceAll("/+$", "") + "/v1/projects/" + project + "/messages:send");
        HttpResponse<String> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Authorization", "Bearer " + bearer)
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return PushAnswer.of(PushOutcomes.noAnswer(PLATFORM, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PushAnswer.of(PushOutcomes.noAnswer(PLATFORM, e));
        }
        return classify(answer, sa);
    }

    private PushAnswer classify(HttpResponse<String> answer, FcmServiceAccount sa) {
        int status = answer.statusCode();
        if (status >= 200 && status < 300) {
            String name = read(answer.body()).path("name").asText(null);
            return PushAnswer.of(DeliveryOutcome.accepted(PushOutcomes.PROVIDER, name, "fcm:" + status,
                    "FCM accepted the notification for the device"));
        }
        String errorCode = fcmErrorCode(read(answer.body()));
        if ("UNREGISTERED".equals(errorCode) || (status == 404 && errorCode == null)) {
            return PushAnswer.gone(PLATFORM, "UNREGISTERED", "the app was uninstalled or the registration token expired");
        }
        if ("SENDER_ID_MISMATCH".equals(errorCode)) {
            return PushAnswer.gone(PLATFORM, errorCode, "the registration token belongs to another Firebase project");
        }
        if (status == 401) {
            sa.forgetToken();
        }
        Duration retryAfter = answer.headers().firstValue("Retry-After").flatMap(v -> RetryAfter.parse(v, clock)).orElse(null);
        return PushAnswer.of(PushOutcomes.byStatus(PLATFORM, status, errorCode != null ? errorCode : "http-" + status, retryAfter));
    }

    /** The FcmError code in the error details, or the error's status, when FCM gave one. */
    private static String fcmErrorCode(JsonNode body) {
        for (JsonNode detail : body.path("error").path("details")) {
            if (detail.path("@type").asText("").endsWith("google.firebase.fcm.v1.FcmError")) {
                return detail.path("errorCode").asText(null);
            }
        }
        return body.path("error").path("status").asText(null);
    }

    static byte[] message(IdempotencyKey key, String token, PushContent content) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode message = root.putObject("message");
        message.put("token", token);
        ObjectNode notification = message.putObject("notification");
        notification.put("title", content.title());
        notification.put("body", content.text());
        ObjectNode data = message.putObject("data");
        if (content.link() != null) {
            data.put("link", content.link());
        }
        data.put("key", key.value());
        message.putObject("android").put("priority", "high");
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FcmServiceAccount account() throws IOException {
        FcmServiceAccount a = account;
        if (a == null) {
            synchronized (this) {
                if (account == null) {
                    account = new FcmServiceAccount(config.serviceAccountFile().orElseThrow(), http, timeout, clock);
                }
                a = account;
            }
        }
        return a;
    }

    private static JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
