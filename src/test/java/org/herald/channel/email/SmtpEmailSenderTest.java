package org.herald.channel.email;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.herald.channel.DeliveryOutcome;
import org.herald.channel.OutgoingMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sending through a real SMTP server (GreenMail, in-process) with Jakarta Mail. */
class SmtpEmailSenderTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(true);

    private SmtpEmailSender sender;

    @AfterEach
    void closePool() {
        if (sender != null) {
            sender.close();
        }
    }

    @Test
    void relayAcceptsAMultipartAlternativeNoticeWithConfiguredHeadersAndTheAttemptsMessageId() throws Exception {
        sender = EmailFixtures.smtpSender(EmailFixtures.smtpTo(SMTP.getSmtp().getPort(), Map.of()));
        OutgoingMessage notice = EmailFixtures.aNoticeTo("subject-1@example.test");

        DeliveryOutcome outcome = sender.send(notice);

        String expectedId = "<" + notice.idempotencyKey().value() + "@herald.test>";
        assertEquals(DeliveryOutcome.Kind.ACCEPTED, outcome.kind());
        assertEquals("smtp", outcome.provider());
        assertEquals(expectedId, outcome.providerReference());
        assertEquals("250", outcome.providerCode());

        assertTrue(SMTP.waitForIncomingEmail(5_000, 1));
        MimeMessage received = SMTP.getReceivedMessages()[0];
        assertEquals(expectedId, received.getMessageID());
        assertArrayEquals(new InternetAddress[] {new InternetAddress("Herald Notices <notices@herald.test>")}, received.getFrom());
        assertArrayEquals(new InternetAddress[] {new InternetAddress("privacy-office@herald.test")}, received.getReplyTo());
        assertEquals("Notice of a data security incident", received.getSubject());
        assertArrayEquals(new String[] {"en"}, received.getContentLanguage());
        assertTrue(received.getContentType().startsWith("multipart/alternative"), received.getContentType());
        Multipart parts = (Multipart) received.getContent();
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).getContentType().startsWith("text/plain"));
        assertTrue(parts.getBodyPart(0).getContent().toString().contains("incident that affected your account"));
        assertTrue(parts.getBodyPart(1).getContentType().startsWith("text/html"));
        assertTrue(parts.getBodyPart(1).getContent().toString().contains("<b>account</b>"));
    }

    @Test
    void aNoticeWithoutHtmlIsPlainTextInTheRightLanguage() throws Exception {
        sender = EmailFixtures.smtpSender(EmailFixtures.smtpTo(SMTP.getSmtp().getPort(), Map.of()));
        OutgoingMessage notice = OutgoingMessage.email(EmailFixtures.aKey(), "subject-2@example.test",
                java.util.Locale.forLanguageTag("zh-CN"), "数据安全事件通知", "我们通知您一起数据安全事件。", null);

        assertEquals(DeliveryOutcome.Kind.ACCEPTED, sender.send(notice).kind());

        assertTrue(SMTP.waitForIncomingEmail(5_000, 1));
        MimeMessage received = SMTP.getReceivedMessages()[0];
        assertTrue(received.getContentType().startsWith("text/plain"), received.getContentType());
        assertTrue(received.getContentType().toUpperCase().contains("CHARSET=UTF-8"), received.getContentType());
        assertEquals("数据安全事件通知", received.getSubject());
        assertTrue(received.getContent().toString().contains("数据安全事件"));
        assertArrayEquals(new String[] {"zh-CN"}, received.getContentLanguage());
    }

    @Test
    void manyNoticesTravelOverOnePooledSession() throws Exception {
        sender = EmailFixtures.smtpSender(EmailFixtures.smtpTo(SMTP.getSmtp().getPort(), Map.of("herald.email.pool-size", "1")));

        for (int i = 0; i < 5; i++) {
            assertEquals(DeliveryOutcome.Kind.ACCEPTED, sender.send(EmailFixtures.aNoticeTo("subject-" + i + "@example.test")).kind());
        }

        assertTrue(SMTP.waitForIncomingEmail(5_000, 5));
        assertEquals(5, SMTP.getReceivedMessages().length);
        assertEquals(1, sender.sessionsOpened());
    }

    @Test
    void aSessionIsReplacedAfterItsMessageBudget() {
        sender = EmailFixtures.smtpSender(EmailFixtures.smtpTo(SMTP.getSmtp().getPort(),
                Map.of("herald.email.pool-size", "1", "herald.email.max-messages-per-connection", "2")));

        for (int i = 0; i < 5; i++) {
            assertEquals(DeliveryOutcome.Kind.ACCEPTED, sender.send(EmailFixtures.aNoticeTo("budget-" + i + "@example.test")).kind());
        }

        assertEquals(3, sender.sessionsOpened());
    }
}
