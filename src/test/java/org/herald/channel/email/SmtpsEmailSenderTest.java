package org.herald.channel.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.Map;
import org.herald.channel.DeliveryOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** TLS from the first byte and relay authentication, against GreenMail's SMTPS server. */
class SmtpsEmailSenderTest {

    @RegisterExtension
    static final GreenMailExtension SMTPS = new GreenMailExtension(ServerSetupTest.SMTPS.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("relay-user@herald.test", "relay-user", "relay-secret"));

    private static EmailConfig smtps(String password) {
        return EmailFixtures.smtpTo(SMTPS.getSmtps().getPort(), Map.of(
                "herald.email.security", "smtps",
                "herald.email.username", "relay-user",
                "herald.email.password", password,
                // GreenMail's certificate is self-signed and names no host.
                "herald.email.ssl-trust", "*",
                "herald.email.check-server-identity", "false"));
    }

    @Test
    void authenticatedSenderDeliversOverSmtps() {
        SmtpEmailSender sender = EmailFixtures.smtpSender(smtps("relay-secret"));
        try {
            DeliveryOutcome outcome = sender.send(EmailFixtures.aNoticeTo("subject-tls@example.test"));

            assertEquals(DeliveryOutcome.Kind.ACCEPTED, outcome.kind());
            assertTrue(SMTPS.waitForIncomingEmail(5_000, 1));
        } finally {
            sender.close();
        }
    }

    @Test
    void refusedCredentialsAreRetryableNotTheRecipientsFault() {
        SmtpEmailSender sender = EmailFixtures.smtpSender(smtps("not-the-password"));
        try {
            DeliveryOutcome outcome = sender.send(EmailFixtures.aNoticeTo("subject-tls@example.test"));

            assertEquals(DeliveryOutcome.Kind.RETRYABLE, outcome.kind());
            assertEquals("auth", outcome.providerCode());
            assertEquals(0, SMTPS.getReceivedMessages().length);
        } finally {
            sender.close();
        }
    }
}
