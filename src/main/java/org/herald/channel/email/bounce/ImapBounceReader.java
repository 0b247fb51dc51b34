package org.herald.channel.email.bounce;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.util.Optional;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * Reads the bounce mailbox over IMAP with Jakarta Mail: every unseen message that is a delivery
 * status notification is handed to {@link Bounces} and then deleted; anything else is marked seen
 * and left for a person. A report is deleted only after it was recorded, so a crash in between
 * reads it again (and {@link Bounces} recognises it).
 */
@ApplicationScoped
public class ImapBounceReader {

    private static final Logger LOG = Logger.getLogger(ImapBounceReader.class);

    /** One IMAP mailbox. */
    public record Mailbox(String protocol, String host, int port, String username, String password, String folder) {
        @Override
        public String toString() {
            return "Mailbox[" + protocol + "://" + host + ":" + port + "/" + folder + "]";
        }
    }

    private final BounceConfig config;
    private final Bounces bounces;

    ImapBounceReader(BounceConfig config, Bounces bounces) {
        this.config = config;
        this.bounces = bounces;
    }

    @Scheduled(every = "${herald.bounces.imap.poll-interval:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "bounce-mailbox")
    void poll() {
        configured().ifPresent(mailbox -> {
            try {
                read(mailbox);
            } catch (MessagingException e) {
                LOG.warnf("bounce mailbox %s could not be read: %s", mailbox, e.getClass().getSimpleName());
            }
        });
    }

    Optional<Mailbox> configured() {
        BounceConfig.Imap imap = config.imap();
        return imap.host().map(host -> new Mailbox(imap.protocol(), host, imap.port(), imap.username().orElse(""),
                imap.password().orElse(""), imap.folder()));
    }

    /**
     * Reads the mailbox once.
     *
     * @return the number of delivery status notifications handed over
     */
    public int read(Mailbox mailbox) throws MessagingException {
        Properties props = new Properties();
        props.put("mail." + mailbox.protocol() + ".connectiontimeout", "10000");
        props.put("mail." + mailbox.protocol() + ".timeout", "30000");
        Session session = Session.getInstance(props);
        int handed = 0;
        try (Store store = session.getStore(mailbox.protocol())) {
            store.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password());
            Folder folder = store.getFolder(mailbox.folder());
            folder.open(Folder.READ_WRITE);
            try {
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    Optional<DeliveryStatusNotification> dsn;
                    try {
                        dsn = DeliveryStatusNotification.parse(message);
                    } catch (IOException | MessagingException e) {
                        dsn = Optional.empty();
                    }
                    if (dsn.isPresent()) {
                        bounces.receive(dsn.get());
                        message.setFlag(Flags.Flag.DELETED, true);
                        handed++;
                    } else {
                        message.setFlag(Flags.Flag.SEEN, true);
                    }
                }
            } finally {
                folder.close(true);
            }
        }
        return handed;
    }
}
