package org.herald.channel.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.UUID;
import org.herald.channel.Channel;
import org.herald.channel.ChannelSenders;
import org.herald.channel.DeliveryOutcome;
import org.herald.channel.DeliveryOutcome.Kind;
import org.herald.channel.IdempotencyKey;
import org.herald.channel.OutgoingMessage;
import org.junit.jupiter.api.Test;

/** The embedded default: SMS are recorded in the sandbox table, not sent. */
@QuarkusTest
class SandboxSmsSenderTest {

    @Inject
    ChannelSenders senders;

    @Inject
    SandboxSmsRepository outbox;

    private static OutgoingMessage anSms(String text) {
        return OutgoingMessage.sms(new IdempotencyKey(UUID.randomUUID(), 1), "+15550100021", Locale.ENGLISH, text);
    }

    @Test
    void smsRunsInSandboxModeByDefault() {
        assertEquals("sandbox", senders.forChannel(Channel.SMS).orElseThrow().provider());
    }

    @Test
    void anSmsIsRecordedWithItsSegmentsInsteadOfSent() {
        OutgoingMessage sms = anSms("您的个人信息可能受到一起数据安全事件的影响。".repeat(3));

        DeliveryOutcome outcome = senders.send(sms);

        assertEquals(Kind.DELIVERED, outcome.kind());
        assertEquals("sandbox", outcome.provider());
        SandboxSms recorded = QuarkusTransaction.requiringNew()
                .call(() -> outbox.byIdempotencyKey(sms.idempotencyKey().value()).orElseThrow());
        assertEquals(recorded.reference(), outcome.providerReference());
        assertEquals("+15550100021", recorded.recipient());
        assertEquals(SmsEncoding.UCS_2, recorded.encoding());
        assertEquals(sms.smsText().length(), recorded.bodyLength());
        assertEquals(SmsSegmentCounter.count(sms.smsText()).segments(), recorded.segments());
    }

    @Test
    void aReplayedAttemptIsRecordedOnce() {
        OutgoingMessage sms = anSms("Herald test notice");

        DeliveryOutcome first = senders.send(sms);
        DeliveryOutcome replay = senders.send(sms);

        assertEquals(first.providerReference(), replay.providerReference());
        long rows = QuarkusTransaction.requiringNew()
                .call(() -> outbox.count("idempotencyKey", sms.idempotencyKey().value()));
        assertEquals(1, rows);
    }

    @Test
    void aNumberNotInE164FormIsPermanentAsWithTwilio() {
        OutgoingMessage sms = OutgoingMessage.sms(new IdempotencyKey(UUID.randomUUID(), 1), "0155 501 00",
                Locale.ENGLISH, "text");

        assertEquals(Kind.PERMANENT, senders.send(sms).kind());
        assertTrue(QuarkusTransaction.requiringNew().call(() -> outbox.byIdempotencyKey(sms.idempotencyKey().value())).isEmpty());
    }
}
