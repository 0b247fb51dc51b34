package org.herald.announcement;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** How Herald decides, publishes and serves public announcements (docs/announcements.md). */
@ConfigMapping(prefix = "herald.announcement")
public interface AnnouncementConfig {

    /** Folder of the announcement wording templates, one sub-folder per locale; read at run time. */
    @WithDefault("templates/announcements")
    String templatesDir();

    /** The public address of Herald as people reach it; the feed and the one-time links use it. */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    /** The locale a page falls back to when the reader's languages match none of the announcement's. */
    @WithDefault("en")
    String defaultLocale();

    /** Regime ids whose substitute notice is published as soon as it is proposed (no officer approval). */
    Optional<Set<String>> autoPublishRegimes();

    /** How long browsers and proxies may keep a public page or the feed before asking again. */
    @WithDefault("PT5M")
    Duration cacheMaxAge();

    /** Per-notice cost per channel (email, sms, push, voice, letter), for the cost condition. */
    Cost cost();

    Lookup lookup();

    interface Cost {

        /** ISO 4217 currency of the per-notice costs; a rule's cost threshold in another currency is not compared. */
        @WithDefault("USD")
        String currency();

        /** Channel key → cost of one notice on it. */
        Map<String, BigDecimal> perNotice();
    }

    interface Lookup {

        /** Look-ups one client address may make per window. */
        @WithDefault("10")
        int perClient();

        /** Look-ups for one contact (whoever asks) per window; bounds the messages one person can be sent. */
        @WithDefault("3")
        int perContact();

        /** The rate-limit window. */
        @WithDefault("PT1H")
        Duration window();

        /** How long a one-time link stays valid. */
        @WithDefault("PT24H")
        Duration linkValidity();

        /** Threads that look up and send in the background, so the answer never waits for either. */
        @WithDefault("2")
        int workers();
    }
}
