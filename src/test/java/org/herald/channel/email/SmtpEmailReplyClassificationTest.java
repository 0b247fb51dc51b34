package org.herald.channel.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.herald.channel.DeliveryOutcome;
import org.herald.channel.DeliveryOutcome.Kind;
import org.herald.channel.OutgoingMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of SMTP answer, scripted, and what Herald makes of it, from a relay that does not
 * announce pipelining ({@link PipelinedSmtpReplyClassificationTest} repeats all of it with one that does).
 */
class SmtpEmailReplyClassificationTest {

    protected ScriptedSmtpServer relay;
    protected SmtpEmailSender sender;

    /** Whether the relay announces PIPELINING. */
    protected boolean pipelining() {
        return false;
    }

    @BeforeEach
    void start() throws IOException {
        relay = ScriptedSmtpServer.start().announcePipelining(pipelining());
        sender = EmailFixtures.smtpSender(EmailFixtures.smtpTo(relay.port(), Map.of(
                "herald.email.pool-size", "1", "herald.email.read-timeout", "PT0.5S")));
    }

    @AfterEach
    void stop() throws IOException {
        sender.close();
        relay.close();
    }

    @Test
    void unknownMailboxIsPermanent() {
        relay.replyToRcpt("gone@example.test", "550 5.1.1 <gone@example.test>: Recipient address rejected: User unknown");

        DeliveryOutcome outcome = sender.send(EmailFixtures.aNoticeTo("gone@example.test"));

        assertEquals(Kind.PERMANENT, outcome.kind());
        assertEquals("550 5.1.1", outcome.providerCode());
        assertFalse(outcome.reason().contains("@") || outcome.reason().contains("gone"), outcome.reason());
    }

    @Test
    void mailboxNameNotAllowedIsPermanent() {
        relay.replyToRcpt("bad-name@example.test", "553 5.1.3 mailbox name not allowed");

        assertEquals(Kind.PERMANENT, sender.send(EmailFixtures.aNoticeTo("bad-name@example.test")).kind());
    }

    @Test
    void messageRejectedAfterDataIsPermanent() {
        relay.replyToData("filtered@example.test", "554 5.7.1 Message rejected");

        DeliveryOutcome outcome = sender.send(EmailFixtures.aNoticeTo("filtered@example.test"));

        assertEquals(Kind.PERMANENT, outcome.kind());
        assertEquals("554 5.7.1", outcome.providerCode());
    }

    @Test
    void greylistingIsRetryable() {
        relay.replyToRcpt("greylisted@example.test", "451 4.7.1 Greylisted, try again later");

        DeliveryOutcome outcome = sender.send(EmailFixtures.aNoticeTo("greylisted@example.test"));

        assertEquals(Kind.RETRYABLE, outcome.kind());
        assertEquals("451 4.7.1", outcome.providerCode());
    }

    @Test
    void insufficientStorageAfterDataIsRetryable() {
        relay.replyToData("full-relay@example.test", "452 4.3.1 Insufficient system storage");

        assertEquals(Kind.RETRYABLE, sender.send(EmailFixtures.aNoticeTo("full-relay@example.test")).kind());
    }

    @Test
    void authenticationRequiredIsRetryableBecauseItIsHeraldsConfigurationNotTheRecipient() {
        relay.replyToMailFrom("530 5.7.0 Authentication required");

        DeliveryOutcome outcome = sender.send(EmailFixtures.aNoticeTo("anyone@example.test"));

        assertEquals(Kind.RETRYABLE, outcome.kind());
        assertEquals("530 5.7.0", outcome.providerCode());
    }

    @Test
    void aRefusedSenderLeavesTheSessionUsableForTheNextMessage() {
        relay.replyToMailFrom("451 4.3.0 Try again later");
        assertEquals(Kind.RETRYABLE, sender.send(EmailFixtures.aNoticeTo("first@example.test")).kind());

        relay.replyToMailFrom("250 2.1.0 Ok");
        DeliveryOutcome next = sender.send(EmailFixtures.aNoticeTo("second@example.test"));

        assertEquals(Kind.ACCEPTED, next.kind());
        assertEquals(1, relay.sessions());
        assertEquals(java.util.List.of("second@example.test"), relay.accepted());
    }

    @Test
    void theEnvelopeIsPipelinedExactlyWhenTheRelayAnnouncesIt() {
        relay.watchForPipelining();
        sender.send(EmailFixtures.aNoticeTo("first@example.test"));
        sender.send(EmailFixtures.aNoticeTo("second@example.test"));

        assertEquals(java.util.List.of(pipelining(), pipelining()), relay.envelopeArrivedWithMailFrom());
        assertEquals(java.util.List.of("first@example.test", "second@example.test"), relay.accepted());
    }

    @Test
    void aRelayThatDoesNotAnswerInTimeIsRetryable() {
        relay.silentOnRcpt("slow@example.test");

        DeliveryOutcome outcome = sender.send(EmailFixtures.aNoticeTo("slow@example.test"));

        assertEquals(Kind.RETRYABLE, outcome.kind());
        assertEquals("timeout", outcome.providerCode());
    }

    @Test
    void silenceAfterTheContentLeftIsRetryableButFlaggedAsPossiblyDelivered() {
        relay.silentAfterData("maybe@example.test");

        DeliveryOutcome outcome = sender.send(EmailFixtures.aNoticeTo("maybe@example.test"));

        assertEquals(Kind.RETRYABLE, outcome.kind());
        assertEquals("unconfirmed", outcome.providerCode());
    }

    @Test
    void aRelayThatIsDownIsRetryable() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        SmtpEmailSender toNowhere = EmailFixtures.smtpSender(EmailFixtures.smtpTo(closedPort, Map.of()));
        try {
            DeliveryOutcome outcome = toNowhere.send(EmailFixtures.aNoticeTo("anyone@example.test"));

            assertEquals(Kind.RETRYABLE, outcome.kind());
            assertEquals("connect", outcome.providerCode());
        } finally {
            toNowhere.close();
        }
    }

    @Test
    void anInvalidAddressIsPermanentWithoutTalkingToTheRelay() {
        for (String invalid : new String[] {"not-an-address", "two@example.test, three@example.test",
                "Display Name <named@example.test>", "spaces in@example.test"}) {
            DeliveryOutcome outcome = sender.send(EmailFixtures.aNoticeTo(invalid));

            assertEquals(Kind.PERMANENT, outcome.kind(), invalid);
            assertEquals("address-syntax", outcome.providerCode());
        }
        assertEquals(0, relay.sessions());
    }

    @Test
    void aRefusalLeavesTheSessionUsableForTheNextMessage() {
        relay.replyToRcpt("gone@example.test", "550 5.1.1 User unknown");

        assertEquals(Kind.PERMANENT, sender.send(EmailFixtures.aNoticeTo("gone@example.test")).kind());
        assertEquals(Kind.ACCEPTED, sender.send(EmailFixtures.aNoticeTo("present@example.test")).kind());
        assertEquals(Kind.ACCEPTED, sender.send(EmailFixtures.aNoticeTo("also-present@example.test")).kind());

        assertEquals(1, relay.sessions());
        assertEquals(java.util.List.of("present@example.test", "also-present@example.test"), relay.accepted());
    }

    @Test
    void aPooledSessionTheRelayDroppedIsReplacedWithoutLosingTheMessage() {
        relay.hangUpAfterData("first@example.test");

        assertEquals(Kind.ACCEPTED, sender.send(EmailFixtures.aNoticeTo("first@example.test")).kind());
        OutgoingMessage second = EmailFixtures.aNoticeTo("second@example.test");
        DeliveryOutcome outcome = sender.send(second);

        assertEquals(Kind.ACCEPTED, outcome.kind());
        assertEquals(2, relay.sessions());
        assertEquals(java.util.List.of("first@example.test", "second@example.test"), relay.accepted());
    }
}
