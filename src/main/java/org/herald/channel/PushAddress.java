package org.herald.channel;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a push notification goes: a platform and what that platform calls the device. Its text
 * form, {@code <platform>:<token>}, is the {@link OutgoingMessage#recipient()} of a PUSH message:
 * {@code fcm:<registration token>}, {@code apns:<hex device token>} or
 * {@code webpush:<subscription JSON>} (the browser's {@code PushSubscription.toJSON()}: endpoint
 * and the {@code p256dh} and {@code auth} keys).
 */
public record PushAddress(Platform platform, String token) {

    /** The push services Herald speaks to. */
    public enum Platform {
        /** Firebase Cloud Messaging (Android, and iOS apps that use Firebase). */
        FCM,
        /** Apple Push Notification service. */
        APNS,
        /** A browser's Web Push subscription (RFC 8030). */
        WEBPUSH
    }

    public PushAddress {
        Objects.requireNonNull(platform, "platform");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a push address needs a token");
        }
    }

    /** Reads {@code <platform>:<token>}; anything else is refused. */
    public static PushAddress parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("not a push address: expected <platform>:<token>");
        }
        Platform platform;
        try {
            platform = Platform.valueOf(text.substring(0, colon).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a push platform: expected fcm, apns or webpush");
        }
        return new PushAddress(platform, text.substring(colon + 1).trim());
    }

    public String value() {
        return platform.name().toLowerCase(Locale.ROOT) + ":" + token;
    }

    /** The platform only: a token identifies a device and is never logged. */
    @Override
    public String toString() {
        return "PushAddress[" + platform + "]";
    }
}
