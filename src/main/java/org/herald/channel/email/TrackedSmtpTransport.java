package org.herald.channel.email;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.OutputStream;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Jakarta Mail's SMTP transport, remembering whether the current message's content had begun to
 * travel ({@code DATA} or {@code BDAT}). A failure before that point proves the relay cannot have
 * the message, so sending it again on a fresh session cannot duplicate it.
 */
final class TrackedSmtpTransport extends SMTPTransport {

    private volatile boolean contentStarted;

    TrackedSmtpTransport(Session session, String protocol) {
        super(session, new URLName(protocol, null, -1, null, null, null), protocol, "smtps".equals(protocol));
    }

    @Override
    public synchronized void sendMessage(Message message, Address[] addresses) throws MessagingException {
        contentStarted = false;
        super.sendMessage(message, addresses);
    }

    @Override
    protected OutputStream data() throws MessagingException {
        contentStarted = true;
        return super.data();
    }

    @Override
    protected OutputStream bdat() throws MessagingException {
        contentStarted = true;
        return super.bdat();
    }

    /** Whether the last {@link #sendMessage} got as far as sending message content. */
    boolean contentStarted() {
        return contentStarted;
    }
}
