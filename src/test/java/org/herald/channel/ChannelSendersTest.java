package org.herald.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The provider per channel comes from configuration, with sandbox as the default. */
class ChannelSendersTest {

    private static ChannelSender fake(Channel channel, String provider) {
        return new ChannelSender() {
            @Override
            public Channel channel() {
                return channel;
            }

            @Override
            public String provider() {
                return provider;
            }

            @Override
            public DeliveryOutcome send(OutgoingMessage m) {
                return DeliveryOutcome.accepted(provider, "ref-" + provider, "ok", "fake " + provider);
            }
        };
    }

    private static final List<ChannelSender> ALL = List.of(
            fake(Channel.EMAIL, "sandbox"), fake(Channel.EMAIL, "smtp"),
            fake(Channel.SMS, "sandbox"), fake(Channel.SMS, "twilio"));

    @Test
    void everyChannelRunsInSandboxModeUnlessConfigured() {
        ChannelSenders senders = new ChannelSenders(ALL, channel -> Optional.empty());

        assertEquals(Map.of(Channel.EMAIL, "sandbox", Channel.SMS, "sandbox"), senders.providers());
    }

    @Test
    void theConfiguredProviderSendsItsChannel() {
        ChannelSenders senders = new ChannelSenders(ALL,
                channel -> Optional.of(Map.of(Channel.EMAIL, "SMTP", Channel.SMS, "twilio").get(channel)));
        OutgoingMessage sms = OutgoingMessage.sms(new IdempotencyKey(UUID.randomUUID(), 1), "+15550100",
                Locale.ENGLISH, "text");

        assertEquals("twilio", senders.send(sms).provider());
        assertEquals("smtp", senders.forChannel(Channel.EMAIL).orElseThrow().provider());
    }

    @Test
    void aMisspeltProviderStopsTheStartWithTheNamesThatExist() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new ChannelSenders(ALL, channel -> Optional.of(channel == Channel.SMS ? "twillio" : "sandbox")));

        assertTrue(refused.getMessage().contains("herald.sms.mode=twillio"), refused.getMessage());
        assertTrue(refused.getMessage().contains("[sandbox, twilio]"), refused.getMessage());
    }

    @Test
    void aChannelWithoutAnyAdapterHasNoSender() {
        ChannelSenders senders = new ChannelSenders(ALL, channel -> Optional.empty());

        assertTrue(senders.forChannel(Channel.LETTER).isEmpty());
    }

    @Test
    void outgoingMessagesNeverPrintAddressesOrText() {
        OutgoingMessage email = OutgoingMessage.email(new IdempotencyKey(UUID.randomUUID(), 2), "person@example.test",
                Locale.ENGLISH, "Subject line", "Body text", null);

        String printed = email.toString();
        assertTrue(!printed.contains("person") && !printed.contains("Body") && !printed.contains("Subject"), printed);
    }

    @Test
    void idempotencyKeysReadBackWhatTheyWrite() {
        IdempotencyKey key = new IdempotencyKey(UUID.randomUUID(), 12);

        assertEquals(key, IdempotencyKey.parse(key.value()));
        assertThrows(IllegalArgumentException.class, () -> IdempotencyKey.parse(key.noticeId() + ".0"));
        assertThrows(IllegalArgumentException.class, () -> IdempotencyKey.parse("../../etc/passwd"));
    }
}
