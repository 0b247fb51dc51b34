package org.herald.channel.email;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.Locale;
import org.herald.channel.IdempotencyKey;
import org.herald.channel.OutgoingMessage;

/**
 * Turns an {@link OutgoingMessage} into a MIME message: From/Reply-To from configuration, a
 * multipart/alternative body (text first, HTML preferred) and a {@code Message-ID} made from the
 * idempotency key, so the same attempt always carries the same id.
 */
@ApplicationScoped
public class EmailComposer {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private static final String TEXT = "text/plain; charset=UTF-8";
    private static final String HTML = "text/html; charset=UTF-8";
    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(76, new byte[] {'\r', '\n'});

    /**
     * Jakarta Mail looks up its {@code StreamProvider} for every body part it creates and every part
     * it writes; without this system property each lookup walks the class path with a
     * {@code ServiceLoader}, which took more than half of the sending threads' time (see
     * docs/performance.md). Naming Angus Mail's provider turns the lookup into a class load.
     */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final InternetAddress from;
    private final InternetAddress replyTo;
    private final String messageIdDomain;
    private final Clock clock;

    @Inject
    public EmailComposer(EmailConfig config, Clock clock) {
        this.clock = clock;
        try {
            this.from = new InternetAddress(config.from(), true);
            this.replyTo = config.replyTo().isPresent() ? new InternetAddress(config.replyTo().get(), true) : null;
        } catch (AddressException e) {
            throw new IllegalArgumentException("herald.email.from / reply-to is not a valid address: " + e.getMessage(), e);
        }
        String fromAddress = from.getAddress();
        this.messageIdDomain = config.messageIdDomain()
                .orElse(fromAddress.substring(fromAddress.indexOf('@') + 1)).toLowerCase(Locale.ROOT);
    }

    /** {@code <idempotency key@domain>}: what this attempt is called in every mail system it passes. */
    public String messageId(IdempotencyKey key) {
        return "<" + key.value() + "@" + messageIdDomain + ">";
    }

    /**
     * @throws AddressException when the recipient is not exactly one valid e-mail address
     */
    public MimeMessage compose(Session session, OutgoingMessage m) throws MessagingException {
        InternetAddress to = recipient(m.recipient());
        FixedIdMimeMessage message = new FixedIdMimeMessage(session, messageId(m.idempotencyKey()));
        message.setFrom(from);
        if (replyTo != null) {
            message.setReplyTo(new InternetAddress[] {replyTo});
        }
        message.setRecipient(MimeMessage.RecipientType.TO, to);
        message.setSubject(m.subject(), UTF_8);
        message.setSentDate(Date.from(clock.instant()));
        message.setContentLanguage(new String[] {m.locale().toLanguageTag()});
        if (m.htmlBody() == null) {
            message.encodedContent(TEXT, base64(m.textBody()));
        } else {
            // RFC 2046 §5.1.4: alternatives go from plainest to richest; clients show the last they can.
            message.setContent(new MimeMultipart("alternative", encoded(TEXT, m.textBody()), encoded(HTML, m.htmlBody())));
        }
        message.saveChanges();
        return message;
    }

    /**
     * A body part whose content is already base64 (RFC 2045 §6.8: lines of 76 characters ending in
     * CRLF). Jakarta Mail writes such a part's bytes as they are; a part built with {@code setText}
     * is scanned to choose an encoding and then encoded byte by byte through a chain of streams when
     * written, which was most of the cost of an e-mail notice (docs/performance.md).
     */
    private static MimeBodyPart encoded(String contentType, String body) throws MessagingException {
        InternetHeaders headers = new InternetHeaders();
        headers.setHeader("Content-Type", contentType);
        headers.setHeader("Content-Transfer-Encoding", "base64");
        return new MimeBodyPart(headers, base64(body));
    }

    private static byte[] base64(String body) {
        return BASE64.encode(body.getBytes(StandardCharsets.UTF_8));
    }

    private static InternetAddress recipient(String address) throws AddressException {
        // Strict parsing, exactly one address: a list or a display name here is a data error, not a feature.
        InternetAddress to = new InternetAddress(address.trim(), true);
        to.validate();
        if (to.getPersonal() != null || to.isGroup()) {
            throw new AddressException("expected a bare e-mail address");
        }
        return to;
    }

    /** Keeps the Message-ID Herald chose; Jakarta Mail would otherwise invent a new one on every save. */
    private static final class FixedIdMimeMessage extends MimeMessage {

        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        /** The whole body as one already-encoded part (see {@link EmailComposer#encoded}). */
        void encodedContent(String contentType, byte[] base64) throws MessagingException {
            setHeader("Content-Type", contentType);
            setHeader("Content-Transfer-Encoding", "base64");
            content = base64;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
