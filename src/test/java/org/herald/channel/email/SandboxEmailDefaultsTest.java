package org.herald.channel.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import org.herald.channel.Channel;
import org.herald.channel.ChannelSenders;
import org.herald.channel.DeliveryOutcome;
import org.herald.channel.IdempotencyKey;
import org.herald.channel.OutgoingMessage;
import org.junit.jupiter.api.Test;

/** With no configuration at all, e-mail goes to the outbox under the data directory. */
@QuarkusTest
class SandboxEmailDefaultsTest {

    @Inject
    ChannelSenders senders;

    @Inject
    SandboxEmailSender sandbox;

    @Test
    void emailLandsInTheOutboxUnderTheDataDirectoryByDefault() {
        OutgoingMessage email = OutgoingMessage.email(new IdempotencyKey(UUID.randomUUID(), 1), "subject-9@example.test",
                Locale.ENGLISH, "Notice", "Text", "<p>Text</p>");

        DeliveryOutcome outcome = senders.send(email);

        assertEquals("sandbox", senders.forChannel(Channel.EMAIL).orElseThrow().provider());
        assertEquals(DeliveryOutcome.Kind.DELIVERED, outcome.kind());
        Path file = sandbox.fileFor(outcome.providerReference());
        assertTrue(Files.isRegularFile(file), file.toString());
        assertEquals(Path.of("target/test-data/outbox/email").toAbsolutePath().normalize(), file.getParent());
    }
}
