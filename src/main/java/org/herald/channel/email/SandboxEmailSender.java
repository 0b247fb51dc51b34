package org.herald.channel.email;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.herald.channel.Channel;
import org.herald.channel.ChannelSender;
import org.herald.channel.DeliveryOutcome;
import org.herald.channel.OutgoingMessage;

/**
 * The embedded default: every e-mail is written as an .eml file named after its Message-ID into the
 * outbox folder, exactly as it would have gone to a relay, so the whole flow can be seen without a
 * mail account. Sending the same attempt again rewrites the same file.
 */
@ApplicationScoped
public class SandboxEmailSender implements ChannelSender {

    static final String PROVIDER = "sandbox";

    private final EmailComposer composer;
    private final Path outbox;
    private final Session session = Session.getInstance(new Properties());

    @Inject
    public SandboxEmailSender(EmailConfig config, EmailComposer composer) {
        this.composer = composer;
        this.outbox = config.sandbox().outbox().toAbsolutePath().normalize();
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public DeliveryOutcome send(OutgoingMessage m) {
        MimeMessage mime;
        try {
            mime = composer.compose(session, m);
        } catch (AddressException e) {
            return DeliveryOutcome.permanent(PROVIDER, "address-syntax", "not a valid e-mail address");
        } catch (MessagingException e) {
            return DeliveryOutcome.permanent(PROVIDER, "compose", "the message could not be composed");
        }
        String messageId = composer.messageId(m.idempotencyKey());
        Path file = fileFor(messageId);
        try {
            Files.createDirectories(outbox);
            Path partial = Files.createTempFile(outbox, ".sending-", ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(partial)) {
                    mime.writeTo(out);
                }
                moveIntoPlace(partial, file);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException | MessagingException e) {
            // The outbox is Herald's own disk: a failure here is worth another try, never the recipient's fault.
            return DeliveryOutcome.retryable(PROVIDER, "outbox-write", "the sandbox outbox could not be written", null);
        }
        return DeliveryOutcome.delivered(PROVIDER, messageId, "outbox", "written to the sandbox outbox");
    }

    /** Where the message with this Message-ID is (or would be) in the outbox. */
    public Path fileFor(String messageId) {
        String name = messageId.replaceAll("^<|>$", "");
        if (!name.matches("[A-Za-z0-9.@_-]+")) {
            throw new IllegalArgumentException("unexpected Message-ID shape");
        }
        return outbox.resolve(name + ".eml");
    }

    public Path outbox() {
        return outbox;
    }

    /** Readers (the console) never see half a message. */
    private static void moveIntoPlace(Path partial, Path file) throws IOException {
        try {
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
