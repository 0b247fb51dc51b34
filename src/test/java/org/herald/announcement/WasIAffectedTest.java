package org.herald.announcement;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.herald.notice.DeliveryStatisticsSource;
import org.herald.rules.Obligations;
import org.herald.subject.Db;
import org.herald.testing.Fakes;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "Was I affected?" end to end: identical answers for known and unknown contacts, a one-time link
 * sent (through a real SMTP server) only to an affected subject's contact, the link revealing that
 * person's categories once, and the rate limits per client and per contact.
 */
@QuarkusTest
@TestProfile(LookupProfile.class)
class WasIAffectedTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(LookupProfile.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(true);

    private static final AtomicInteger CLIENTS = new AtomicInteger(10);
    private static final Pattern LINK = Pattern.compile("http://localhost:8080(/notices/[a-z0-9-]+/mine)\\?lang=([A-Za-z-]+)&token=([A-Za-z0-9_-]+)");

    private FakeObligations rules;

    @BeforeEach
    void fakes() {
        rules = new FakeObligations();
        Fakes.install(rules, Obligations.class);
        Fakes.install(new FakeDeliveries(), DeliveryStatisticsSource.class);
    }

    private String published(Breach b) {
        rules.terms.put(b.incidentId(), List.of(Breach.californiaInsufficientContact()));
        String base = "/api/incidents/" + b.incidentId() + "/announcements";
        Map<String, String> proposed = TestUsers.asAnalyst().contentType(ContentType.JSON).body(Map.of()).post(base)
                .then().statusCode(201).extract().jsonPath().getMap("$");
        TestUsers.asOfficer().contentType(ContentType.JSON).body(Map.of())
                .post(base + "/" + proposed.get("id") + "/publish").then().statusCode(200);
        return proposed.get("slug");
    }

    /** A fresh client address (TEST-NET-3, documentation only) per call site. */
    private static String newClient() {
        return "203.0.113." + CLIENTS.incrementAndGet();
    }

    private static RequestSpecification from(String client) {
        return TestUsers.anonymous().header("X-Forwarded-For", client).contentType(ContentType.URLENC);
    }

    private static Response ask(String client, String slug, String contact) {
        return from(client).formParam("contact", contact).formParam("lang", "en").post("/notices/" + slug + "/lookup");
    }

    @Test
    void knownAndUnknownContactsGetTheSameAnswerAndOnlyTheAffectedOneGetsALink() throws Exception {
        Breach b = Breach.recorded();
        String slug = published(b);
        String client = newClient();

        Response unknown = ask(client, slug, "nobody-" + UUID.randomUUID() + "@example.org");
        Response notAffected = ask(client, slug, b.email(5));
        Response known = ask(client, slug, b.email(1).toUpperCase());

        for (Response r : List.of(unknown, notAffected, known)) {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.contentType()).isEqualTo(known.contentType());
            assertThat(r.header("Cache-Control")).isEqualTo("no-store");
            assertThat(r.asString()).isEqualTo(known.asString());
        }
        assertThat(known.asString()).contains("If we hold this contact for someone affected by this incident, we have"
                + " sent a message to it");

        // One worker takes look-ups in order: once the known contact's link is here, the others are done.
        assertThat(SMTP.waitForIncomingEmail(20_000, 1)).isTrue();
        awaitAuditedLinks(b.incidentId(), 1);
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualToIgnoringCase(b.email(1));
        assertThat(received[0].getSubject()).isEqualTo("Your link: was your information involved?");
        String body = received[0].getContent().toString();
        assertThat(body).doesNotContain(b.name(1));
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).as(body).isTrue();
        assertThat(link.group(1)).isEqualTo("/notices/" + slug + "/mine");

        // Opening the link shows a form; confirming reveals this person's categories, once.
        String token = link.group(3);
        TestUsers.anonymous().queryParam("token", token).get(link.group(1)).then().statusCode(200);
        String revealed = TestUsers.anonymous().contentType(ContentType.URLENC).formParam("token", token)
                .formParam("lang", "en").post(link.group(1)).then().statusCode(200).extract().asString();
        assertThat(revealed).contains("Names with e-mail addresses, phone numbers or postal addresses",
                "Payment card numbers").doesNotContain(b.name(1)).doesNotContainIgnoringCase(b.email(1));
        TestUsers.anonymous().contentType(ContentType.URLENC).formParam("token", token).post(link.group(1))
                .then().statusCode(410);
        TestUsers.anonymous().contentType(ContentType.URLENC).formParam("token", "not-a-token").post(link.group(1))
                .then().statusCode(410);
        assertThat(Db.count("SELECT count(*) FROM announcement_lookup_token WHERE incident_id = ?", b.incidentId()))
                .isEqualTo(1);
    }

    @Test
    void aPhoneNumberOfAnAffectedSubjectGetsTheLinkBySms() {
        Breach b = Breach.recorded();
        String slug = published(b);
        // S2's number, written the way a person types it.
        String e164 = Breach.phone(b.n(), 2);
        String typed = "+1 (" + e164.substring(2, 5) + ") " + e164.substring(5, 8) + "-" + e164.substring(8);
        long before = Db.count("SELECT count(*) FROM sandbox_sms WHERE recipient = ?", e164);

        ask(newClient(), slug, typed).then().statusCode(200);

        awaitAuditedLinks(b.incidentId(), 1);
        assertThat(Db.count("SELECT count(*) FROM sandbox_sms WHERE recipient = ?", e164)).isEqualTo(before + 1);
    }

    @Test
    void somethingThatIsNeitherAnEmailNorAPhoneIsRefusedNamingWhatToEnter() {
        Breach b = Breach.recorded();
        String slug = published(b);
        Response r = ask(newClient(), slug, "not a contact");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString()).contains("Please enter an e-mail address, or a phone number with its country code");
    }

    @Test
    void oneClientIsLimitedWhateverItAsksAbout() {
        Breach b = Breach.recorded();
        String slug = published(b);
        String client = newClient();
        for (int i = 0; i < LookupProfile.PER_CLIENT; i++) {
            ask(client, slug, "someone" + i + "-" + UUID.randomUUID() + "@example.org").then().statusCode(200);
        }
        Response limited = ask(client, slug, b.email(1));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("3600");
        assertThat(limited.asString()).contains("Too many requests");
        // Another client is not held up.
        ask(newClient(), slug, "someone-else-" + UUID.randomUUID() + "@example.org").then().statusCode(200);
    }

    @Test
    void oneContactIsLimitedWhoeverAsksAndKnownOrUnknownAlike() {
        Breach b = Breach.recorded();
        String slug = published(b);
        String unknown = "unknown-" + UUID.randomUUID() + "@example.org";
        for (String contact : List.of(b.email(4), unknown)) {
            for (int i = 0; i < LookupProfile.PER_CONTACT; i++) {
                ask(newClient(), slug, contact).then().statusCode(200);
            }
        }
        Response knownLimited = ask(newClient(), slug, b.email(4));
        Response unknownLimited = ask(newClient(), slug, unknown);
        assertThat(knownLimited.statusCode()).isEqualTo(429);
        assertThat(unknownLimited.statusCode()).isEqualTo(429);
        assertThat(knownLimited.asString()).isEqualTo(unknownLimited.asString());
        // Only the allowed look-ups of the known contact sent anything.
        awaitAuditedLinks(b.incidentId(), LookupProfile.PER_CONTACT);
        assertThat(SMTP.waitForIncomingEmail(20_000, LookupProfile.PER_CONTACT)).isTrue();
        assertThat(SMTP.getReceivedMessages()).hasSize(LookupProfile.PER_CONTACT);
    }

    /** Waits (with a deadline) until the background worker has audited this many sent links for the incident. */
    private static void awaitAuditedLinks(UUID incident, long count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (Db.count("SELECT count(*) FROM audit_entry WHERE entity_id = ? AND action = 'lookup-link-sent'",
                    incident.toString()) >= count) {
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        throw new AssertionError("the look-up worker did not send " + count + " link(s) within 20 s");
    }
}
