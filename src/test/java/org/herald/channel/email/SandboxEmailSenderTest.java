package org.herald.channel.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.herald.channel.ConfigMappings;
import org.herald.channel.DeliveryOutcome;
import org.herald.channel.OutgoingMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sandbox mode: the outbox folder instead of a relay. */
class SandboxEmailSenderTest {

    @TempDir
    Path dataDir;

    private SandboxEmailSender sender() {
        EmailConfig config = ConfigMappings.of(EmailConfig.class, Map.of(
                "herald.data-dir", dataDir.toString(),
                "herald.email.from", "notices@herald.test"));
        return new SandboxEmailSender(config, new EmailComposer(config, EmailFixtures.CLOCK));
    }

    @Test
    void aNoticeIsWrittenToTheOutboxUnderItsMessageId() throws Exception {
        SandboxEmailSender sender = sender();
        OutgoingMessage notice = EmailFixtures.aNoticeTo("subject-1@example.test");

        DeliveryOutcome outcome = sender.send(notice);

        String messageId = "<" + notice.idempotencyKey().value() + "@herald.test>";
        assertEquals(DeliveryOutcome.Kind.DELIVERED, outcome.kind());
        assertEquals("sandbox", outcome.provider());
        assertEquals(messageId, outcome.providerReference());
        Path file = dataDir.resolve("outbox/email/" + notice.idempotencyKey().value() + "@herald.test.eml");
        assertEquals(file.toAbsolutePath().normalize(), sender.fileFor(messageId));
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage written = new MimeMessage(Session.getInstance(new Properties()), in);
            assertEquals(messageId, written.getMessageID());
            assertEquals("subject-1@example.test", written.getAllRecipients()[0].toString());
            assertEquals(2, ((Multipart) written.getContent()).getCount());
        }
    }

    @Test
    void aReplayedAttemptRewritesTheSameFile() throws Exception {
        SandboxEmailSender sender = sender();
        OutgoingMessage notice = EmailFixtures.aNoticeTo("subject-2@example.test");

        sender.send(notice);
        sender.send(notice);

        try (Stream<Path> files = Files.list(dataDir.resolve("outbox/email"))) {
            assertEquals(java.util.List.of(notice.idempotencyKey().value() + "@herald.test.eml"),
                    files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void anInvalidAddressIsPermanentAndWritesNothing() {
        DeliveryOutcome outcome = sender().send(EmailFixtures.aNoticeTo("not-an-address"));

        assertEquals(DeliveryOutcome.Kind.PERMANENT, outcome.kind());
        assertFalse(Files.exists(dataDir.resolve("outbox/email")));
    }
}
