package org.herald.channel.email.bounce;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;
import org.herald.channel.DeliveryOutcome.Kind;
import org.herald.channel.IdempotencyKey;
import org.herald.channel.sms.RecordedFeedback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bounces: RFC 3464 reports read from a real IMAP mailbox (GreenMail) and pushed to the webhook,
 * matched to the attempt by the Message-ID Herald gave the message.
 */
@QuarkusTest
class BounceTest {

    private static final String TOKEN = "test-bounce-token-not-a-secret";
    private static GreenMail imap;
    private static GreenMailUser mailbox;

    @Inject
    ImapBounceReader reader;

    @Inject
    RecordedFeedback feedback;

    @BeforeAll
    static void startImap() {
        imap = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
        imap.start();
        mailbox = imap.setUser("bounces@example.org", "bounces", "bounce-password");
    }

    @AfterAll
    static void stopImap() {
        imap.stop();
    }

    private static ImapBounceReader.Mailbox theMailbox() {
        return new ImapBounceReader.Mailbox("imap", "127.0.0.1", imap.getImap().getPort(), "bounces", "bounce-password", "INBOX");
    }

    private static IdempotencyKey aKey() {
        return new IdempotencyKey(UUID.randomUUID(), 1);
    }

    /** A report about the attempt's message to subject-1@example.org. */
    static String dsn(IdempotencyKey key, String action, String status) {
        return DeliveryReports.report("<" + key.value() + "@herald.example.org>", "subject-1@example.org", action, status);
    }

    private static MimeMessage message(String raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void hardAndSoftBouncesInTheMailboxBecomeFeedbackAndLeaveTheMailbox() throws Exception {
        IdempotencyKey hard = aKey();
        IdempotencyKey soft = aKey();
        mailbox.deliver(message(dsn(hard, "failed", "5.1.1")));
        mailbox.deliver(message(dsn(soft, "delayed", "4.4.7")));
        mailbox.deliver(message("From: someone@example.com\r\nTo: bounces@example.org\r\nSubject: out of office\r\n\r\nI am away.\r\n"));

        int handed = reader.read(theMailbox());

        assertThat(handed).isEqualTo(2);
        assertThat(feedback.about(hard)).singleElement().satisfies(f -> {
            assertThat(f.outcome().kind()).isEqualTo(Kind.PERMANENT);
            assertThat(f.outcome().providerCode()).isEqualTo("dsn 5.1.1");
            assertThat(f.providerReference()).isEqualTo("<" + hard.value() + "@herald.example.org>");
        });
        assertThat(feedback.about(soft)).singleElement()
                .satisfies(f -> assertThat(f.outcome().kind()).isEqualTo(Kind.RETRYABLE));
        assertThat(messagesLeft()).as("only the message that is not a report stays, for a person").isEqualTo(1);
        assertThat(reader.read(theMailbox())).isZero();
    }

    @Test
    void theWebhookTakesAReportOnceWithTheToken() {
        IdempotencyKey key = aKey();
        String report = dsn(key, "failed", "5.2.1");

        given().header("Authorization", "Bearer " + TOKEN).contentType("message/rfc822").body(report.getBytes(StandardCharsets.US_ASCII))
                .post("/api/webhooks/email/bounces").then().statusCode(202);
        given().header("Authorization", "Bearer " + TOKEN).contentType("message/rfc822").body(report.getBytes(StandardCharsets.US_ASCII))
                .post("/api/webhooks/email/bounces").then().statusCode(202);

        assertThat(feedback.about(key)).singleElement()
                .satisfies(f -> assertThat(f.outcome().kind()).isEqualTo(Kind.PERMANENT));
    }

    @Test
    void theWebhookRefusesWithoutTheTokenAndRejectsWhatIsNotAReport() {
        IdempotencyKey key = aKey();

        given().contentType("message/rfc822").body(dsn(key, "failed", "5.1.1").getBytes(StandardCharsets.US_ASCII))
                .post("/api/webhooks/email/bounces").then().statusCode(403);
        given().header("Authorization", "Bearer wrong").contentType("message/rfc822").body(dsn(key, "failed", "5.1.1").getBytes(StandardCharsets.US_ASCII))
                .post("/api/webhooks/email/bounces").then().statusCode(403);
        given().header("Authorization", "Bearer " + TOKEN).contentType("message/rfc822").body("Subject: hello\r\n\r\nhi\r\n".getBytes(StandardCharsets.US_ASCII))
                .post("/api/webhooks/email/bounces").then().statusCode(400);

        assertThat(feedback.about(key)).isEmpty();
    }

    private static int messagesLeft() throws Exception {
        Session session = Session.getInstance(new Properties());
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", imap.getImap().getPort(), "bounces", "bounce-password");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                return inbox.getMessageCount();
            } finally {
                inbox.close(false);
            }
        }
    }
}
