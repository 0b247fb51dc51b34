package org.herald.subject;

/** Where a push registration lives: Firebase Cloud Messaging, Apple Push Notification service, or a Web Push subscription. */
public enum PushPlatform {
    FCM,
    APNS,
    WEBPUSH
}
