package org.herald.channel.push;

import com.eatthepath.pushy.apns.ApnsClient;
import com.eatthepath.pushy.apns.ApnsClientBuilder;
import com.eatthepath.pushy.apns.DeliveryPriority;
import com.eatthepath.pushy.apns.PushNotificationResponse;
import com.eatthepath.pushy.apns.PushType;
import com.eatthepath.pushy.apns.auth.ApnsSigningKey;
import com.eatthepath.pushy.apns.util.SimpleApnsPushNotification;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.herald.channel.DeliveryOutcome;
import org.herald.channel.IdempotencyKey;
import org.herald.channel.PushAddress;

/**
 * Apple Push Notification service over HTTP/2 with Pushy, authenticated by a signed provider
 * token (the team's .p8 key), not a certificate. One client (a few HTTP/2 connections) per Herald
 * instance, opened on first use.
 */
final class ApnsPushClient implements PushPlatformClient, AutoCloseable {

    static final String PLATFORM = "apns";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PushConfig.Apns config;
    private final Duration timeout;
    private final Clock clock;
    private volatile ApnsClient client;

    ApnsPushClient(PushConfig.Apns config, Duration timeout, Clock clock) {
        this.config = config;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public PushAddress.Platform platform() {
        return PushAddress.Platform.APNS;
    }

    @Override
    public boolean configured() {
        return config.signingKeyFile().isPresent() && config.teamId().isPresent() && config.keyId().isPresent()
                && config.topic().isPresent();
    }

    @Override
    public PushAnswer send(IdempotencyKey key, String token, PushContent content) {
        byte[] payload;
        try {
            payload = content.fit(PushContent.LIMIT_BYTES, c -> payload(key, c));
        } catch (IllegalArgumentException e) {
            return PushAnswer.of(DeliveryOutcome.permanent(PushOutcomes.PROVIDER, "apns:payload-too-large", e.getMessage()));
        }
        SimpleApnsPushNotification notification = new SimpleApnsPushNotification(token, config.topic().orElseThrow(),
                new String(payload, StandardCharsets.UTF_8), clock.instant().plus(Duration.ofDays(1)),
                DeliveryPriority.IMMEDIATE, PushType.ALERT);
        PushNotificationResponse<SimpleApnsPushNotification> response;
        try {
            response = client().sendNotification(notification).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException | GeneralSecurityException e) {
            return PushAnswer.of(DeliveryOutcome.retryable(PushOutcomes.PROVIDER, "apns:signing-key",
                    "Herald could not load its APNs signing key", null));
        } catch (ExecutionException e) {
            return PushAnswer.of(PushOutcomes.noAnswer(PLATFORM, e.getCause()));
        } catch (TimeoutException e) {
            return PushAnswer.of(PushOutcomes.noAnswer(PLATFORM, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PushAnswer.of(PushOutcomes.noAnswer(PLATFORM, e));
        }
        if (response.isAccepted()) {
            return PushAnswer.of(DeliveryOutcome.accepted(PushOutcomes.PROVIDER, String.valueOf(response.getApnsId()),
                    "apns:" + response.getStatusCode(), "APNs accepted the notification for the device"));
        }
        String reason = response.getRejectionReason().orElse("http-" + response.getStatusCode());
        int status = response.getStatusCode();
        if (status == 410 || "Unregistered".equals(reason) || "ExpiredToken".equals(reason)) {
            return PushAnswer.gone(PLATFORM, reason, "the device token is no longer active for this app");
        }
        if ("BadDeviceToken".equals(reason) || "DeviceTokenNotForTopic".equals(reason)) {
            return PushAnswer.gone(PLATFORM, reason, "the device token is not valid for this app");
        }
        // APNs sends no Retry-After; Herald's backoff decides.
        return PushAnswer.of(PushOutcomes.byStatus(PLATFORM, status, reason, null));
    }

    static byte[] payload(IdempotencyKey key, PushContent content) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode alert = root.putObject("aps").putObject("alert");
        alert.put("title", content.title());
        alert.put("body", content.text());
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

    private ApnsClient client() throws IOException, GeneralSecurityException {
        ApnsClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    ApnsClientBuilder builder = new ApnsClientBuilder()
                            .setApnsServer(config.host(), config.port())
                            .setSigningKey(ApnsSigningKey.loadFromPkcs8File(config.signingKeyFile().orElseThrow().toFile(),
                                    config.teamId().orElseThrow(), config.keyId().orElseThrow()))
                            .setConnectionTimeout(timeout);
                    if (config.trustedCertificateFile().isPresent()) {
                        builder.setTrustedServerCertificateChain(config.trustedCertificateFile().get().toFile());
                    }
                    client = builder.build();
                }
                c = client;
            }
        }
        return c;
    }

    @Override
    public void close() {
        ApnsClient c = client;
        if (c != null) {
            c.close().join();
        }
    }
}
