package org.herald.channel.email.bounce;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Where bounces (RFC 3464 delivery status notifications) come from: an IMAP mailbox and/or a webhook. */
@ConfigMapping(prefix = "herald.bounces")
public interface BounceConfig {

    Imap imap();

    /**
     * The bearer token a relay or mail provider presents to {@code POST /api/webhooks/email/bounces};
     * without it the webhook refuses everything. From a Secret.
     */
    Optional<String> webhookToken();

    /** The bounce mailbox (the envelope sender's mailbox), read over IMAP. */
    interface Imap {

        /** IMAP host; the mailbox is not read when unset. */
        Optional<String> host();

        @WithDefault("993")
        int port();

        /** {@code imaps} (TLS from the first byte) or {@code imap} (plain; local relays and tests only). */
        @WithDefault("imaps")
        String protocol();

        Optional<String> username();

        /** From a Secret. */
        Optional<String> password();

        @WithDefault("INBOX")
        String folder();

        /** How often the mailbox is read. */
        @WithDefault("60s")
        String pollInterval();
    }
}
