package org.herald.channel.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.herald.channel.Channel;
import org.herald.channel.ChannelSenders;
import org.herald.channel.DeliveryOutcome;
import org.herald.channel.DeliveryOutcome.Kind;
import org.herald.channel.OutgoingMessage;
import org.herald.channel.PushAddress.Platform;
import org.junit.jupiter.api.Test;

/** The embedded default: push notifications are recorded in the sandbox table, not sent. */
@QuarkusTest
class SandboxPushSenderTest {

    @Inject
    ChannelSenders senders;

    @Inject
    EntityManager em;

    @Test
    void pushRunsInSandboxModeByDefault() {
        assertThat(senders.forChannel(Channel.PUSH).orElseThrow().provider()).isEqualTo("sandbox");
    }

    @Test
    void aNotificationIsRecordedOnceWithWhatWouldHaveBeenSent() {
        OutgoingMessage push = PushFixtures.pushTo(Platform.FCM, "sandbox-registration-token", "短通知。".repeat(2000));

        DeliveryOutcome first = senders.send(push);
        DeliveryOutcome replay = senders.send(push);

        assertThat(first.kind()).isEqualTo(Kind.DELIVERED);
        assertThat(replay.providerReference()).isEqualTo(first.providerReference());
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "SELECT platform, token, body, link, payload_bytes, (SELECT count(*) FROM sandbox_push s2 WHERE s2.idempotency_key = s.idempotency_key)"
                        + " FROM sandbox_push s WHERE idempotency_key = :key")
                .setParameter("key", push.idempotencyKey().value()).getSingleResult());
        assertThat(row[0]).isEqualTo("FCM");
        assertThat(row[1]).isEqualTo("sandbox-registration-token");
        assertThat((String) row[2]).endsWith("…").hasSizeLessThan(push.textBody().length());
        assertThat(row[3]).isEqualTo(PushFixtures.LINK);
        assertThat(((Number) row[4]).intValue()).isLessThanOrEqualTo(4096);
        assertThat(((Number) row[5]).intValue()).isEqualTo(1);
    }

    @Test
    void aMalformedPushAddressIsPermanent() {
        OutgoingMessage push = new OutgoingMessage(new org.herald.channel.IdempotencyKey(java.util.UUID.randomUUID(), 1),
                Channel.PUSH, "no-platform-here", null, "t", "text", null, null, null, null, null);

        assertThat(senders.send(push).kind()).isEqualTo(Kind.PERMANENT);
    }
}
