package org.herald.notice;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Settings of notice campaigns: wording, dispatch, retries and provider rates (docs/notices.md). */
@ConfigMapping(prefix = "herald.notice")
public interface NoticeConfig {

    /** Folder holding {@code notices/<kind>/<channel>/<locale>/...}, read at run time. */
    @WithDefault("templates")
    String templatesDir();

    /** Base of the public information page linked from every notice; the incident reference is appended. */
    @WithDefault("http://localhost:8080/public/incidents")
    String publicInfoBaseUrl();

    Dispatcher dispatcher();

    Retry retry();

    /** Provider name → messages per second this instance may send through it; unset means unlimited. */
    Map<String, Double> rate();

    /** Messages per second assumed in the capacity forecast for a provider without a configured rate. */
    @WithDefault("100")
    double forecastUnlimitedRate();

    /** How often notices a published announcement replaced are looked for and settled. */
    @WithDefault("15s")
    String settlementPoll();

    interface Dispatcher {
        /** Whether this instance sends notices at all (several instances may share the work). */
        @WithDefault("true")
        boolean enabled();

        /** Sending threads of this instance. */
        @WithDefault("4")
        int workers();

        /** Notices one worker claims at a time. */
        @WithDefault("50")
        int batchSize();

        /** How long a claim holds; a worker that vanished leaves its notices to be taken again after it. */
        @WithDefault("PT2M")
        Duration lease();

        /** Pause between claims when nothing is due. */
        @WithDefault("PT0.5S")
        Duration idlePoll();
    }

    interface Retry {
        /** Backoff before the second try on the same channel; doubles with every further try. */
        @WithDefault("PT30S")
        Duration initialBackoff();

        /** Longest backoff. */
        @WithDefault("PT1H")
        Duration maxBackoff();

        /** Tries on one channel before falling back to the next. */
        @WithDefault("5")
        int maxAttemptsPerChannel();
    }
}
