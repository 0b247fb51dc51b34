package org.herald.channel.email;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import org.herald.channel.Channel;
import org.herald.channel.ChannelSender;
import org.herald.channel.DeliveryOutcome;
import org.herald.channel.OutgoingMessage;
import org.jboss.logging.Logger;

/**
 * Sends e-mail through an SMTP relay with Jakarta Mail over pooled sessions, and classifies the
 * relay's replies: 2xx accepted, 4xx and network failures retryable, 5xx permanent.
 */
@ApplicationScoped
public class SmtpEmailSender implements ChannelSender {

    private static final Logger LOG = Logger.getLogger(SmtpEmailSender.class);

    private final EmailComposer composer;
    private final SmtpConnectionPool pool;

    @Inject
    public SmtpEmailSender(EmailConfig config, EmailComposer composer, Clock clock) {
        this.composer = composer;
        // Cheap: no connection is opened until the first message.
        this.pool = new SmtpConnectionPool(config, clock);
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public String provider() {
        return SmtpOutcomes.PROVIDER;
    }

    @Override
    public DeliveryOutcome send(OutgoingMessage m) {
        MimeMessage mime;
        try {
            mime = composer.compose(pool.session(), m);
        } catch (AddressException e) {
            return SmtpOutcomes.invalidAddress();
        } catch (MessagingException e) {
            return SmtpOutcomes.classify(e);
        }
        String messageId = composer.messageId(m.idempotencyKey());

        // At most two tries: the second only when a reused session turned out to be dead before
        // any content left, which proves the relay does not have the message.
        for (int attempt = 1; ; attempt++) {
            SmtpConnectionPool.Lease lease;
            try {
                lease = pool.acquire();
            } catch (MessagingException e) {
                DeliveryOutcome outcome = SmtpOutcomes.classify(e);
                LOG.warnf("SMTP session could not be opened for %s: %s", m.idempotencyKey(), outcome.providerCode());
                return outcome;
            }
            if (lease == null) {
                return SmtpOutcomes.noFreeSession();
            }
            boolean reusable = false;
            try {
                TrackedSmtpTransport transport = lease.transport();
                transport.sendMessage(mime, mime.getAllRecipients());
                lease.countSent();
                reusable = true;
                return SmtpOutcomes.accepted(messageId, transport.getLastReturnCode());
            } catch (MessagingException e) {
                // Jakarta Mail resets the session (RSET) after a refusal and closes it after a network
                // failure; a session that still answers may serve the next message.
                reusable = lease.transport().isConnected();
                if (attempt == 1 && lease.reused() && !reusable && !lease.transport().contentStarted()) {
                    LOG.debugf("pooled SMTP session was gone; sending %s on a fresh one", m.idempotencyKey());
                    continue;
                }
                DeliveryOutcome outcome = SmtpOutcomes.classify(e);
                if (lease.transport().contentStarted() && SmtpOutcomes.isSilence(outcome)) {
                    outcome = SmtpOutcomes.unconfirmed();
                }
                LOG.debugf("SMTP did not take %s: %s %s", m.idempotencyKey(), outcome.kind(), outcome.providerCode());
                return outcome.withReference(messageId);
            } finally {
                pool.release(lease, reusable);
            }
        }
    }

    /** Sessions opened so far; exposed for metrics and tests of connection reuse. */
    public long sessionsOpened() {
        return pool.opened();
    }

    @PreDestroy
    void close() {
        pool.close();
    }
}
