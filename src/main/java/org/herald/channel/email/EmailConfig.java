package org.herald.channel.email;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** How Herald sends e-mail: to a local outbox folder (sandbox) or through an SMTP relay. */
@ConfigMapping(prefix = "herald.email")
public interface EmailConfig {

    enum Mode { SANDBOX, SMTP }

    enum Security {
        /** Plain SMTP; only for a relay on the same host or in tests. */
        NONE,
        /** Plain connection upgraded with STARTTLS, which is then required (port 587). */
        STARTTLS,
        /** TLS from the first byte (port 465). */
        SMTPS
    }

    /** {@code sandbox} writes each message as an .eml file into the outbox; {@code smtp} hands it to the relay. */
    @WithDefault("sandbox")
    Mode mode();

    /** SMTP relay host. */
    @WithDefault("localhost")
    String host();

    /** SMTP relay port: 587 for STARTTLS, 465 for SMTPS, 25 for plain relays. */
    @WithDefault("587")
    int port();

    /** Transport security towards the relay. */
    @WithDefault("starttls")
    Security security();

    /** Relay user name; authentication is used only when it is set. From the environment or a Secret. */
    Optional<String> username();

    /** Relay password. From the environment or a Secret, never from a committed file. */
    Optional<String> password();

    /**
     * Hosts whose TLS certificate is trusted without a CA chain ({@code *} for any); for relays with
     * a private certificate. Unset: the JVM's trust store decides.
     */
    Optional<String> sslTrust();

    /** Whether the relay's certificate must name the host Herald connected to (RFC 2595). */
    @WithDefault("true")
    boolean checkServerIdentity();

    /** The From header: who the notice is from, as recipients see it. */
    @WithDefault("Herald <notices@herald.invalid>")
    String from();

    /** The Reply-To header, e.g. the incident's contact point; unset means replies go to From. */
    Optional<String> replyTo();

    /**
     * Envelope sender (SMTP {@code MAIL FROM}), where bounces go; unset means the From address.
     * A dedicated bounce mailbox lets Herald read delivery status notifications later.
     */
    Optional<String> envelopeFrom();

    /**
     * Right-hand side of every {@code Message-ID} ({@code <idempotency key>@domain}); unset means
     * the domain of {@link #from()}. Keep it stable: it is how a replayed message is recognised.
     */
    Optional<String> messageIdDomain();

    /**
     * Connected SMTP sessions kept open and reused. Each one sends one message at a time, so this
     * bounds the parallel sends per Herald instance; relays commonly cap sessions per client at 10–20.
     */
    @WithDefault("4")
    int poolSize();

    /** A session is closed and replaced after this many messages, as some relays end long sessions themselves. */
    @WithDefault("500")
    int maxMessagesPerConnection();

    /** A session idle for longer than this is checked with NOOP before it is used again. */
    @WithDefault("PT30S")
    Duration idleCheckAfter();

    /** TCP connect timeout towards the relay. */
    @WithDefault("PT10S")
    Duration connectTimeout();

    /** How long to wait for each relay reply; a timeout is a retryable failure. */
    @WithDefault("PT30S")
    Duration readTimeout();

    /**
     * How long one socket write may block; unset: no write timer. Herald waits for the relay's reply
     * after every command and every message, so a relay that stops answering is caught by
     * {@link #readTimeout()}; only a message larger than the socket's send buffer sent to a relay
     * that stops reading in the middle of it needs this. Jakarta Mail arms a timer task for every
     * write when it is set, which took about a tenth of the sending threads' time (docs/performance.md).
     */
    Optional<Duration> writeTimeout();

    /**
     * Whether to pipeline each message's envelope (RFC 2920: {@code MAIL FROM}, {@code RCPT TO} and
     * {@code DATA} in one write) when the relay announces {@code PIPELINING}: two round trips per
     * message instead of four. Off only for a relay that announces it and mishandles it.
     */
    @WithDefault("true")
    boolean pipelining();

    /** How long a send waits for a free pooled session before it counts as a retryable failure. */
    @WithDefault("PT30S")
    Duration acquireTimeout();

    /** Sandbox mode. */
    Sandbox sandbox();

    interface Sandbox {
        /** Where sandbox e-mails are written, one {@code <Message-ID>.eml} file each. */
        @WithDefault("${herald.data-dir}/outbox/email")
        Path outbox();
    }
}
