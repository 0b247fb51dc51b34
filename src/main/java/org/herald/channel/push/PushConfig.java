package org.herald.channel.push;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** How Herald sends push notifications: recorded in a table (sandbox) or straight to FCM, APNs and Web Push. */
@ConfigMapping(prefix = "herald.push")
public interface PushConfig {

    enum Mode { SANDBOX, DIRECT }

    /** {@code sandbox} records each notification in {@code sandbox_push}; {@code direct} sends it. */
    @WithDefault("sandbox")
    Mode mode();

    /** How long to wait for a push service's answer; a timeout is a retryable failure. */
    @WithDefault("PT10S")
    Duration readTimeout();

    Fcm fcm();

    Apns apns();

    WebPush webpush();

    /** Firebase Cloud Messaging, HTTP v1 API. */
    interface Fcm {

        /** The service-account key file (JSON) of the Firebase project; FCM is off without it. */
        Optional<Path> serviceAccountFile();

        /** The Firebase project id; defaults to the service account's {@code project_id}. */
        Optional<String> projectId();

        /** Where the FCM API is; only tests and proxies change it. */
        @WithDefault("https://fcm.googleapis.com")
        URI apiBaseUrl();
    }

    /** Apple Push Notification service with token-based (.p8 key) authentication. */
    interface Apns {

        /** The .p8 signing key from the Apple developer account; APNs is off without it. */
        Optional<Path> signingKeyFile();

        /** The 10-character team id the key belongs to. */
        Optional<String> teamId();

        /** The 10-character id of the signing key. */
        Optional<String> keyId();

        /** The app's bundle id, sent as {@code apns-topic}. */
        Optional<String> topic();

        /** {@code api.push.apple.com} in production, {@code api.sandbox.push.apple.com} for development builds. */
        @WithDefault("api.push.apple.com")
        String host();

        @WithDefault("443")
        int port();

        /** PEM certificates to trust instead of the JDK's CAs; only for a private APNs stand-in. */
        Optional<Path> trustedCertificateFile();
    }

    /** Web Push (RFC 8030) with message encryption (RFC 8291) and VAPID (RFC 8292). */
    interface WebPush {

        /** VAPID public key: the uncompressed P-256 point, base64url; Web Push is off without the key pair. */
        Optional<String> vapidPublicKey();

        /** VAPID private key: the 32-byte P-256 scalar, base64url (Secret). */
        Optional<String> vapidPrivateKey();

        /** Contact for the push service's operator, {@code mailto:} or {@code https:}. */
        @WithDefault("mailto:privacy@herald.invalid")
        String subject();

        /** How long the push service keeps a notification for an offline browser. */
        @WithDefault("P1D")
        Duration ttl();
    }
}
