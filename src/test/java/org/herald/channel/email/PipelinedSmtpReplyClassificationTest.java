package org.herald.channel.email;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.herald.channel.DeliveryOutcome;
import org.herald.channel.DeliveryOutcome.Kind;
import org.junit.jupiter.api.Test;

/**
 * The same answers from a relay that announces PIPELINING (RFC 2920): Herald sends each envelope in
 * one write and must reach exactly the same outcomes, keep sessions in step after refusals, and
 * never let a refused transaction turn into a message.
 */
class PipelinedSmtpReplyClassificationTest extends SmtpEmailReplyClassificationTest {

    @Override
    protected boolean pipelining() {
        return true;
    }

    @Test
    void aRelayThatWantsContentForARefusedTransactionGetsNoneAndTheSessionIsReplaced() {
        relay.answerDataWithoutRecipients().replyToRcpt("gone@example.test", "550 5.1.1 User unknown");

        DeliveryOutcome refused = sender.send(EmailFixtures.aNoticeTo("gone@example.test"));
        DeliveryOutcome next = sender.send(EmailFixtures.aNoticeTo("present@example.test"));

        assertEquals(Kind.PERMANENT, refused.kind());
        assertEquals("550 5.1.1", refused.providerCode());
        assertEquals(Kind.ACCEPTED, next.kind());
        assertEquals(2, relay.sessions());
        assertEquals(List.of("present@example.test"), relay.accepted());
    }

    @Test
    void pipeliningCanBeSwitchedOffForARelayThatMishandlesIt() throws Exception {
        relay.watchForPipelining();
        SmtpEmailSender plain = EmailFixtures.smtpSender(EmailFixtures.smtpTo(relay.port(),
                Map.of("herald.email.pool-size", "1", "herald.email.pipelining", "false")));
        try {
            assertEquals(Kind.ACCEPTED, plain.send(EmailFixtures.aNoticeTo("someone@example.test")).kind());
        } finally {
            plain.close();
        }

        assertEquals(List.of(false), relay.envelopeArrivedWithMailFrom());
    }
}
