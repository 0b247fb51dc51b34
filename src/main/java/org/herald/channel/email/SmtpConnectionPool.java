package org.herald.channel.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * A few connected, authenticated SMTP sessions, lent out one sender at a time. Opening a TLS
 * session and logging in costs several round trips; reusing it makes a message cost one
 * {@code MAIL FROM}/{@code RCPT TO}/{@code DATA} exchange. A session that failed or grew old is
 * closed and a fresh one opened on the next borrow.
 */
final class SmtpConnectionPool implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SmtpConnectionPool.class);

    private final EmailConfig config;
    private final Session session;
    private final String protocol;
    private final Clock clock;
    private final Semaphore permits;
    private final Deque<Lease> idle = new ArrayDeque<>();
    private final AtomicLong opened = new AtomicLong();
    private volatile boolean closed;

    SmtpConnectionPool(EmailConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.protocol = config.security() == EmailConfig.Security.SMTPS ? "smtps" : "smtp";
        this.session = Session.getInstance(properties(config, protocol));
        this.permits = new Semaphore(Math.max(1, config.poolSize()), true);
    }

    Session session() {
        return session;
    }

    /** Sessions opened since start: with reuse working, this stays near the pool size. */
    long opened() {
        return opened.get();
    }

    /**
     * Borrows a connected session; give it back with {@link #release}.
     *
     * @return {@code null} when no session became free within the acquire timeout
     * @throws MessagingException when a new session could not be opened (relay down, login refused)
     */
    Lease acquire() throws MessagingException {
        if (closed) {
            throw new IllegalStateException("the SMTP pool is closed");
        }
        try {
            if (!permits.tryAcquire(config.acquireTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        try {
            Lease lease;
            synchronized (idle) {
                lease = idle.pollFirst();
            }
            if (lease != null && !lease.stillUsable()) {
                lease.close();
                lease = null;
            }
            return lease != null ? lease : open();
        } catch (MessagingException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /**
     * Gives a session back. A session is kept only if the sender says it is in a clean state and it
     * has not reached its message budget; otherwise it is closed.
     */
    void release(Lease lease, boolean reusable) {
        try {
            if (!closed && reusable && lease.sent < config.maxMessagesPerConnection()) {
                lease.lastUsed = clock.instant();
                synchronized (idle) {
                    idle.addFirst(lease);
                }
            } else {
                lease.close();
            }
        } finally {
            permits.release();
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (idle) {
            idle.forEach(Lease::close);
            idle.clear();
        }
    }

    private Lease open() throws MessagingException {
        TrackedSmtpTransport transport = new TrackedSmtpTransport(session, protocol, config.pipelining());
        transport.connect(config.host(), config.port(), config.username().orElse(null), config.password().orElse(null));
        opened.incrementAndGet();
        return new Lease(transport, clock.instant());
    }

    private static Properties properties(EmailConfig config, String protocol) {
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.put("mail.transport.protocol", protocol);
        props.put(p + "host", config.host());
        props.put(p + "port", String.valueOf(config.port()));
        props.put(p + "connectiontimeout", millis(config.connectTimeout()));
        props.put(p + "timeout", millis(config.readTimeout()));
        config.writeTimeout().ifPresent(t -> props.put(p + "writetimeout", millis(t)));
        props.put(p + "auth", String.valueOf(config.username().isPresent()));
        // Closing must not wait for the relay's goodbye when a session is being discarded anyway.
        props.put(p + "quitwait", "false");
        if (config.security() == EmailConfig.Security.STARTTLS) {
            props.put(p + "starttls.enable", "true");
            // Never fall back to plain text when the relay does not offer STARTTLS.
            props.put(p + "starttls.required", "true");
        }
        if (config.security() == EmailConfig.Security.SMTPS) {
            props.put(p + "ssl.enable", "true");
        }
        props.put(p + "ssl.checkserveridentity", String.valueOf(config.checkServerIdentity()));
        config.sslTrust().ifPresent(trust -> props.put(p + "ssl.trust", trust));
        config.envelopeFrom().ifPresent(from -> props.put(p + "from", from));
        return props;
    }

    private static String millis(Duration d) {
        return String.valueOf(d.toMillis());
    }

    /** One borrowed session and what the pool knows about it. */
    final class Lease {

        private final TrackedSmtpTransport transport;
        private Instant lastUsed;
        private int sent;

        private Lease(TrackedSmtpTransport transport, Instant openedAt) {
            this.transport = transport;
            this.lastUsed = openedAt;
        }

        TrackedSmtpTransport transport() {
            return transport;
        }

        void countSent() {
            sent++;
        }

        /** Whether this session had carried a message before the current one. */
        boolean reused() {
            return sent > 0;
        }

        /**
         * A session used moments ago is trusted as it is (asking costs a round trip per message); one
         * that sat idle may have been dropped by the relay, so it is asked first ({@code isConnected()}
         * sends NOOP).
         */
        private boolean stillUsable() {
            if (Duration.between(lastUsed, clock.instant()).compareTo(config.idleCheckAfter()) < 0) {
                return true;
            }
            return transport.isConnected();
        }

        private void close() {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.debugf("closing an SMTP session failed: %s", e.getClass().getSimpleName());
            }
        }
    }
}
