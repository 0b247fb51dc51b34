package org.herald.channel.voice;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** How Herald places phone calls: recorded in a table (sandbox) or through Twilio. */
@ConfigMapping(prefix = "herald.voice")
public interface VoiceConfig {

    enum Mode { SANDBOX, TWILIO }

    /** {@code sandbox} records each call in {@code sandbox_voice}; {@code twilio} places it. */
    @WithDefault("sandbox")
    Mode mode();

    /**
     * The text-to-speech voice per language tag ({@code herald.voice.voices."zh-CN"=Polly.Zhiyu}); a
     * language without an entry uses {@link #defaultVoice()}. The language itself is the message's locale.
     */
    Map<String, String> voices();

    /** The voice for languages without their own entry. */
    @WithDefault("alice")
    String defaultVoice();

    /** How many times the text is read in one call (people often miss the first words). */
    @WithDefault("2")
    int repeat();

    /**
     * Further calls advised after busy or no answer before falling back to the next channel
     * ({@code retryLimit} of the outcome).
     */
    @WithDefault("2")
    int retryLimitWhenUnanswered();

    Twilio twilio();

    interface Twilio {

        /** Account SID ({@code AC…}), the same account as SMS. */
        Optional<String> accountSid();

        /** Auth token: authenticates API calls and signs status callbacks. */
        Optional<String> authToken();

        /** Caller number in E.164. */
        Optional<String> from();

        /** Where the Twilio REST API is; tests point it at a stand-in (use a host name, not an IP). */
        @WithDefault("https://api.twilio.com")
        URI apiBaseUrl();

        /** The public address of {@code POST /api/webhooks/twilio/voice-status} as Twilio reaches it. */
        @WithDefault("http://localhost:8080/api/webhooks/twilio/voice-status")
        String statusCallbackUrl();

        /** Seconds the phone rings before the call counts as not answered. */
        @WithDefault("30")
        int ringTimeoutSeconds();

        @WithDefault("PT30S")
        Duration readTimeout();
    }
}
