package org.herald.channel.sms;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** How Herald sends SMS: recorded in a table (sandbox) or through Twilio. */
@ConfigMapping(prefix = "herald.sms")
public interface SmsConfig {

    enum Mode { SANDBOX, TWILIO }

    /** {@code sandbox} records each SMS in the {@code sandbox_sms} table; {@code twilio} sends it. */
    @WithDefault("sandbox")
    Mode mode();

    /** Twilio account and sender. */
    Twilio twilio();

    interface Twilio {

        /** Account SID ({@code AC…}). From the environment or a Secret. */
        Optional<String> accountSid();

        /**
         * Auth token: authenticates API calls and is the key Twilio signs status callbacks with.
         * From the environment or a Secret; without it every callback is refused.
         */
        Optional<String> authToken();

        /** Sender number in E.164, used when no Messaging Service is set. */
        Optional<String> from();

        /** Messaging Service SID ({@code MG…}); when set it chooses the sender number and wins over {@link #from()}. */
        Optional<String> messagingServiceSid();

        /**
         * Where the Twilio REST API is. Only tests and proxies change it; use a host name
         * ({@code localhost}), never an IP: the SDK rewrites dotted hosts as Twilio regions.
         */
        @WithDefault("https://api.twilio.com")
        URI apiBaseUrl();

        /**
         * The public address of {@code POST /api/webhooks/twilio/status} as Twilio reaches it (behind
         * the ingress). Sent with every message, and the URL callback signatures are checked against.
         */
        @WithDefault("http://localhost:8080/api/webhooks/twilio/status")
        String statusCallbackUrl();

        /** How long to wait for Twilio's answer; a timeout is a retryable failure. */
        @WithDefault("PT30S")
        Duration readTimeout();
    }
}
