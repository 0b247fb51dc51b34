package org.herald.channel.email;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.jboss.logging.Logger;

/**
 * Jakarta Mail's SMTP transport, remembering whether the current message's content had begun to
 * travel ({@code DATA} or {@code BDAT}), and pipelining the envelope when the relay offers it.
 *
 * <p>Content tracking: a failure before the content left proves the relay cannot have the message,
 * so sending it again on a fresh session cannot duplicate it.
 *
 * <p>Pipelining (RFC 2920): when the relay announces {@code PIPELINING}, {@code MAIL FROM}, the
 * {@code RCPT TO}s and {@code DATA} leave in one write and their replies are read in turn, so a
 * message costs two round trips instead of three plus one per recipient. Jakarta Mail itself does
 * not pipeline; this transport writes the commands Jakarta Mail is about to send ahead of their turn
 * and, when Jakarta Mail then sends each, lets it read the reply already on its way instead of
 * writing the command again. Jakarta Mail's own reading of every reply, and so Herald's
 * classification of it, is unchanged. When the transaction ends early (a refused sender or
 * recipient), the replies to the commands written ahead are read and dropped before the next
 * command, as RFC 2920 requires; a relay that nonetheless answered {@code DATA} with 354 for a
 * transaction it had refused is disconnected before any content could complete a message.
 */
final class TrackedSmtpTransport extends SMTPTransport {

    private static final Logger LOG = Logger.getLogger(TrackedSmtpTransport.class);
    private static final Field SERVER_OUTPUT = serverOutput();

    private final String protocol;
    private final boolean pipeliningAllowed;
    /** Commands written ahead of their turn whose replies are still to be read, in order. */
    private final Deque<String> ahead = new ArrayDeque<>();
    private volatile boolean contentStarted;
    private Address[] recipients;

    TrackedSmtpTransport(Session session, String protocol, boolean pipelining) {
        super(session, new URLName(protocol, null, -1, null, null, null), protocol, "smtps".equals(protocol));
        this.protocol = protocol;
        this.pipeliningAllowed = pipelining;
    }

    @Override
    protected synchronized boolean protocolConnect(String host, int port, String user, String password)
            throws MessagingException {
        ahead.clear(); // replies owed on an earlier connection never arrive on a new one
        return super.protocolConnect(host, port, user, password);
    }

    @Override
    public synchronized void sendMessage(Message message, Address[] addresses) throws MessagingException {
        contentStarted = false;
        // An SMTPMessage may carry its own envelope options (DSN NOTIFY …) that restOfEnvelope()
        // does not read; Herald's messages never are one, but such a message is not pipelined.
        recipients = message instanceof SMTPMessage ? null : addresses;
        try {
            super.sendMessage(message, addresses);
        } finally {
            recipients = null;
        }
    }

    @Override
    protected synchronized void sendCommand(String cmd) throws MessagingException {
        if (!ahead.isEmpty()) {
            if (cmd.equals(ahead.peekFirst())) {
                ahead.removeFirst();
                return; // written already; Jakarta Mail reads its reply next
            }
            dropRepliesAhead();
        }
        if (cmd.startsWith("MAIL FROM:") && pipeliningAllowed && SERVER_OUTPUT != null && isPlain(cmd)
                && supportsExtension("PIPELINING")) {
            List<String> envelope = restOfEnvelope();
            if (!envelope.isEmpty()) {
                writeTogether(cmd, envelope);
                ahead.addAll(envelope);
                return;
            }
        }
        super.sendCommand(cmd);
    }

    /**
     * Writes the commands in one write and one segment. Sent one by one, each flushed by Jakarta
     * Mail, the second and third would wait in the sender's TCP stack (Nagle's algorithm) for the
     * acknowledgement of the first, which the relay sends with its reply: no pipelining at all.
     * Jakarta Mail offers no way to write several commands at once, hence its output stream, taken
     * once by reflection (without it, no pipelining).
     */
    private void writeTogether(String first, List<String> rest) throws MessagingException {
        StringBuilder b = new StringBuilder(first).append("\r\n");
        rest.forEach(c -> b.append(c).append("\r\n"));
        try {
            OutputStream out = (OutputStream) SERVER_OUTPUT.get(this);
            out.write(b.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            throw new MessagingException("Can't send command to SMTP host", e);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Printable ASCII only: what Jakarta Mail itself would write unchanged, and no line breaks. */
    private static boolean isPlain(String cmd) {
        for (int i = 0; i < cmd.length(); i++) {
            char c = cmd.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static Field serverOutput() {
        try {
            Field f = SMTPTransport.class.getDeclaredField("serverOutput");
            f.setAccessible(true);
            return OutputStream.class.isAssignableFrom(f.getType()) ? f : null;
        } catch (NoSuchFieldException | RuntimeException e) {
            LOG.warn("Jakarta Mail's SMTP output stream is not accessible: SMTP pipelining is off");
            return null;
        }
    }

    /**
     * The commands Jakarta Mail sends after {@code MAIL FROM} for the current message, built as it
     * builds them; empty (no pipelining) for anything but plain addresses.
     */
    private List<String> restOfEnvelope() {
        if (recipients == null || recipients.length == 0 || chunking()) {
            return List.of();
        }
        String notify = supportsExtension("DSN") ? session.getProperty("mail." + protocol + ".dsn.notify") : null;
        List<String> out = new ArrayList<>();
        for (Address a : recipients) {
            if (!(a instanceof InternetAddress ia) || ia.isGroup()) {
                return List.of();
            }
            String address = ia.getAddress();
            String cmd = "RCPT TO:" + (!address.startsWith("<") && !address.endsWith(">") ? "<" + address + ">" : address);
            cmd = notify == null ? cmd : cmd + " NOTIFY=" + notify;
            if (!isPlain(cmd)) {
                return List.of();
            }
            out.add(cmd);
        }
        out.add("DATA");
        return out;
    }

    /** Whether Jakarta Mail will send the content with BDAT (CHUNKING) rather than after DATA. */
    private boolean chunking() {
        String size = session.getProperty("mail." + protocol + ".chunksize");
        return size != null && !size.isBlank() && !size.strip().equals("0") && supportsExtension("CHUNKING");
    }

    /** Reads and drops the replies to commands written ahead that the ended transaction no longer sends. */
    private void dropRepliesAhead() throws MessagingException {
        while (!ahead.isEmpty()) {
            String cmd = ahead.removeFirst();
            int reply = readServerResponse();
            if ("DATA".equals(cmd) && reply == 354) {
                // The relay wants content for a transaction Herald abandoned: end the session
                // without the final dot, so no message can complete.
                ahead.clear();
                close();
                throw new MessagingException("The relay accepted DATA for a transaction it had refused",
                        new IOException("session closed without content"));
            }
        }
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
