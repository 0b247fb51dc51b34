package org.herald.channel.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.herald.channel.IdempotencyKey;
import org.herald.channel.OutgoingMessage;
import org.junit.jupiter.api.Test;

/**
 * What the composer writes, byte for byte, and the choices that keep it cheap (docs/performance.md):
 * bodies encoded once as base64, Angus Mail's stream provider named, no SMTP write timer by default.
 */
class EmailComposerTest {

    private final EmailConfig config = EmailFixtures.smtpTo(2525, Map.of());
    private final EmailComposer composer = new EmailComposer(config, EmailFixtures.CLOCK);
    private final Session session = Session.getInstance(new Properties());

    private static String raw(MimeMessage m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    private MimeMessage parsed(MimeMessage m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return new MimeMessage(session, new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void bothAlternativesAreBase64InLinesOf76AndReadBackAsWritten() throws Exception {
        String text = "我们写信告诉您一起数据安全事件。 ".repeat(20) + "Line two.\nLine three — with a dash.";
        String html = "<p>" + "An incident affected your <b>account</b>. ".repeat(10) + "</p>";
        IdempotencyKey key = EmailFixtures.aKey();
        MimeMessage m = composer.compose(session, OutgoingMessage.email(key, "person@example.org",
                Locale.forLanguageTag("zh-CN"), "数据安全事件通知", text, html));

        String raw = raw(m);
        for (String line : raw.split("\r\n", -1)) {
            assertTrue(line.length() <= 998, "RFC 5322 line limit: " + line.length());
        }
        assertEquals(2, raw.split("Content-Transfer-Encoding: base64", -1).length - 1, raw);
        String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
        body.lines().filter(l -> !l.isEmpty() && !l.startsWith("--") && !l.contains(":"))
                .forEach(l -> assertTrue(l.length() <= 76, "base64 line of " + l.length()));

        MimeMessage back = parsed(m);
        assertEquals("数据安全事件通知", back.getSubject());
        assertEquals(composer.messageId(key), back.getMessageID());
        Multipart parts = assertInstanceOf(Multipart.class, back.getContent());
        assertTrue(back.getContentType().startsWith("multipart/alternative"), back.getContentType());
        assertEquals(2, parts.getCount());
        Part plain = parts.getBodyPart(0);
        Part rich = parts.getBodyPart(1);
        assertTrue(plain.isMimeType("text/plain"));
        assertEquals("UTF-8", new jakarta.mail.internet.ContentType(plain.getContentType()).getParameter("charset"));
        assertEquals(text, plain.getContent());
        assertTrue(rich.isMimeType("text/html"));
        assertEquals(html, rich.getContent());
    }

    @Test
    void aTextOnlyMessageIsOneBase64Part() throws Exception {
        String text = "Notice in plain text only: 数据";
        MimeMessage m = composer.compose(session, OutgoingMessage.email(EmailFixtures.aKey(), "person@example.org",
                Locale.ENGLISH, "Notice", text, null));

        MimeMessage back = parsed(m);
        assertTrue(back.isMimeType("text/plain"), back.getContentType());
        assertEquals("base64", back.getEncoding());
        assertEquals(text, back.getContent());
    }

    @Test
    void jakartaMailFindsAngusStreamProviderWithoutScanningTheClassPath() {
        assertEquals(MailStreamProvider.class.getName(), System.getProperty(EmailComposer.STREAM_PROVIDER));
        assertInstanceOf(MailStreamProvider.class, StreamProvider.provider());
    }

    @Test
    void noWriteTimerUnlessConfigured() {
        assertNull(new SmtpConnectionPool(config, EmailFixtures.CLOCK).session().getProperty("mail.smtp.writetimeout"));
        EmailConfig withTimer = EmailFixtures.smtpTo(2525, Map.of("herald.email.write-timeout", "PT1.5S"));
        assertEquals("1500", new SmtpConnectionPool(withTimer, EmailFixtures.CLOCK).session()
                .getProperty("mail.smtp.writetimeout"));
    }
}
