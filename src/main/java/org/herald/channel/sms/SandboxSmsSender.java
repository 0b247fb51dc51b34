package org.herald.channel.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import org.herald.channel.Channel;
import org.herald.channel.ChannelSender;
import org.herald.channel.DeliveryOutcome;
import org.herald.channel.OutgoingMessage;

/**
 * The embedded default for SMS: each message is recorded in the {@code sandbox_sms} table instead
 * of being sent, with its segment count, so the whole flow can be seen without a Twilio account.
 */
@ApplicationScoped
public class SandboxSmsSender implements ChannelSender {

    static final String PROVIDER = "sandbox";

    private final SandboxSmsRepository outbox;
    private final Clock clock;

    SandboxSmsSender(SandboxSmsRepository outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    /** In its own transaction, like a real provider: what it recorded stays recorded whatever the caller does next. */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public DeliveryOutcome send(OutgoingMessage m) {
        if (!E164.matches(m.recipient())) {
            // As Twilio would answer (21211), so the sandbox shows the same fallback as production.
            return DeliveryOutcome.permanent(PROVIDER, "not-e164", "the number is not in E.164 form");
        }
        SmsSegments segments = SmsSegmentCounter.count(m.smsText());
        SandboxSms recorded = outbox.recordOnce(UUID.randomUUID(), m.idempotencyKey().value(), m.correlation(),
                m.recipient(), m.smsText(), segments, clock.instant());
        return DeliveryOutcome.delivered(PROVIDER, recorded.reference(), recorded.encoding() + "/" + recorded.segments(),
                "recorded in the sandbox SMS outbox");
    }
}
