package org.herald.channel.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.herald.channel.ConfigMappings;
import org.herald.channel.DeliveryOutcome;
import org.herald.channel.DeliveryOutcome.Kind;
import org.herald.channel.IdempotencyKey;
import org.herald.channel.OutgoingMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sending through the Twilio SDK to a local stand-in for Twilio's API. After each test, every
 * request Herald made is checked against Twilio's official OpenAPI description.
 */
class TwilioSmsSenderTest {

    private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";
    private static final String MESSAGE_SID = "SM0123456789abcdef0123456789abcdef";
    private static final String SENDER_NUMBER = "+15005550006";
    private static final String CALLBACK = "https://herald.example.test/api/webhooks/twilio/status";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:30:00Z"), ZoneOffset.UTC);

    private static TwilioApiStandIn twilio;

    @BeforeAll
    static void startTwilio() {
        twilio = new TwilioApiStandIn();
    }

    @AfterAll
    static void stopTwilio() {
        twilio.close();
    }

    @AfterEach
    void everyRequestConformsToTwilioSpec() {
        try {
            twilio.assertEveryRequestConformsToTwilioSpec();
        } finally {
            twilio.reset();
        }
    }

    private static TwilioSmsSender sender(Map<String, String> more) {
        Map<String, String> values = new HashMap<>(Map.of(
                "herald.sms.mode", "twilio",
                "herald.sms.twilio.account-sid", ACCOUNT,
                "herald.sms.twilio.auth-token", "test-auth-token",
                "herald.sms.twilio.from", SENDER_NUMBER,
                "herald.sms.twilio.api-base-url", twilio.baseUrl().toString(),
                "herald.sms.twilio.status-callback-url", CALLBACK,
                "herald.sms.twilio.read-timeout", "PT2S"));
        values.putAll(more);
        return new TwilioSmsSender(ConfigMappings.of(SmsConfig.class, values), CLOCK);
    }

    private static TwilioSmsSender sender() {
        return sender(Map.of());
    }

    private static OutgoingMessage anSmsTo(String number) {
        return OutgoingMessage.sms(new IdempotencyKey(UUID.randomUUID(), 1), number, Locale.ENGLISH,
                "Herald test notice: an incident may affect your account. Details: https://status.example.test/n/1");
    }

    private static void twilioAnswers(ResponseDefinitionBuilder response) {
        twilio.server().stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(response));
    }

    private static ResponseDefinitionBuilder created() {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                {"account_sid": "%s", "api_version": "2010-04-01", "body": "Herald test notice",
                 "date_created": "Mon, 02 Mar 2026 09:30:00 +0000", "date_sent": null,
                 "date_updated": "Mon, 02 Mar 2026 09:30:00 +0000", "direction": "outbound-api",
                 "error_code": null, "error_message": null, "from": "%s", "messaging_service_sid": null,
                 "num_media": "0", "num_segments": "1", "price": null, "price_unit": null,
                 "sid": "%s", "status": "queued", "subresource_uris": {}, "to": "+15550100001",
                 "uri": "/2010-04-01/Accounts/%s/Messages/%s.json"}
                """.formatted(ACCOUNT, SENDER_NUMBER, MESSAGE_SID, ACCOUNT, MESSAGE_SID));
    }

    private static ResponseDefinitionBuilder twilioError(int status, int code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                {"code": %d, "message": "%s", "more_info": "https://www.twilio.com/docs/errors/%d", "status": %d}
                """.formatted(code, message, code, status));
    }

    @Test
    void twilioAcceptsTheMessageAndIsAskedToReportBackWithTheAttemptsKey() {
        twilioAnswers(created());
        OutgoingMessage sms = anSmsTo("+15550100001");

        DeliveryOutcome outcome = sender().send(sms);

        assertEquals(Kind.ACCEPTED, outcome.kind());
        assertEquals("twilio", outcome.provider());
        assertEquals(MESSAGE_SID, outcome.providerReference());
        assertEquals("queued", outcome.providerCode());

        List<LoggedRequest> requests = twilio.requests();
        assertEquals(1, requests.size());
        Map<String, String> form = TwilioApiStandIn.form(requests.get(0));
        assertEquals("+15550100001", form.get("To"));
        assertEquals(SENDER_NUMBER, form.get("From"));
        assertEquals(sms.smsText(), form.get("Body"));
        assertEquals(CALLBACK + "?key=" + sms.idempotencyKey().value(), form.get("StatusCallback"));
        assertEquals("1", form.get("Attempt"));
        String basic = "Basic " + Base64.getEncoder().encodeToString((ACCOUNT + ":test-auth-token").getBytes());
        assertEquals(basic, requests.get(0).getHeader("Authorization"));
    }

    @Test
    void aMessagingServiceChoosesTheSenderWhenConfigured() {
        twilioAnswers(created());

        DeliveryOutcome outcome = sender(Map.of("herald.sms.twilio.messaging-service-sid", "MG0123456789abcdef0123456789abcdef"))
                .send(anSmsTo("+15550100002"));

        assertEquals(Kind.ACCEPTED, outcome.kind());
        Map<String, String> form = TwilioApiStandIn.form(twilio.requests().get(0));
        assertEquals("MG0123456789abcdef0123456789abcdef", form.get("MessagingServiceSid"));
        assertFalse(form.containsKey("From"));
    }

    @Test
    void anInvalidNumberIsPermanent() {
        twilioAnswers(twilioError(400, 21211, "The 'To' number is not a valid phone number."));

        DeliveryOutcome outcome = sender().send(anSmsTo("+15550100003"));

        assertEquals(Kind.PERMANENT, outcome.kind());
        assertEquals("21211", outcome.providerCode());
    }

    @Test
    void aNumberThatCannotReceiveSmsIsPermanent() {
        twilioAnswers(twilioError(400, 21614, "'To' number is not a valid mobile number"));

        DeliveryOutcome outcome = sender().send(anSmsTo("+15550100004"));

        assertEquals(Kind.PERMANENT, outcome.kind());
        assertEquals("21614", outcome.providerCode());
    }

    @Test
    void aRecipientWhoRepliedStopHasOptedOut() {
        twilioAnswers(twilioError(400, 21610, "Attempt to send to unsubscribed recipient"));

        DeliveryOutcome outcome = sender().send(anSmsTo("+15550100005"));

        assertEquals(Kind.OPTED_OUT, outcome.kind());
        assertEquals("21610", outcome.providerCode());
    }

    @Test
    void anUnreachableHandsetIsWorthExactlyOneMoreTry() {
        twilioAnswers(twilioError(400, 30003, "Unreachable destination handset"));

        DeliveryOutcome outcome = sender().send(anSmsTo("+15550100006"));

        assertEquals(Kind.RETRYABLE, outcome.kind());
        assertEquals("30003", outcome.providerCode());
        assertEquals(1, outcome.retryLimit());
    }

    @Test
    void tooManyRequestsIsRetryableAfterTheDelayTwilioAsksFor() {
        twilioAnswers(twilioError(429, 20429, "Too Many Requests").withHeader("Retry-After", "30"));

        DeliveryOutcome outcome = sender().send(anSmsTo("+15550100007"));

        assertEquals(Kind.RETRYABLE, outcome.kind());
        assertEquals(Duration.ofSeconds(30), outcome.retryAfter());
        // Nothing under Herald waited and asked again: the retry policy owns the delay.
        assertEquals(1, twilio.requests().size());
    }

    @Test
    void retryAfterMayBeAnHttpDate() {
        twilioAnswers(aResponse().withStatus(429).withHeader("Retry-After", "Mon, 02 Mar 2026 09:32:00 GMT"));

        DeliveryOutcome outcome = sender().send(anSmsTo("+15550100008"));

        assertEquals(Kind.RETRYABLE, outcome.kind());
        assertEquals("http-429", outcome.providerCode());
        assertEquals(Duration.ofMinutes(2), outcome.retryAfter());
        assertEquals(1, twilio.requests().size());
    }

    @Test
    void aServerErrorIsRetryableAndNotRepeatedBehindHeraldsBack() {
        twilioAnswers(twilioError(500, 20500, "Internal Server Error"));

        DeliveryOutcome outcome = sender().send(anSmsTo("+15550100009"));

        assertEquals(Kind.RETRYABLE, outcome.kind());
        assertNull(outcome.retryAfter());
        // The SDK would repeat the POST three times; a 5xx may still have created the message.
        assertEquals(1, twilio.requests().size());
    }

    @Test
    void aServerErrorWithoutJsonIsStillRetryable() {
        twilioAnswers(aResponse().withStatus(503).withHeader("Retry-After", "5").withBody("<html>unavailable</html>"));

        DeliveryOutcome outcome = sender().send(anSmsTo("+15550100010"));

        assertEquals(Kind.RETRYABLE, outcome.kind());
        assertEquals(Duration.ofSeconds(5), outcome.retryAfter());
        assertEquals(1, twilio.requests().size());
    }

    @Test
    void anUnreachableTwilioIsRetryable() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }

        DeliveryOutcome outcome = sender(Map.of("herald.sms.twilio.api-base-url", "http://localhost:" + closedPort))
                .send(anSmsTo("+15550100011"));

        assertEquals(Kind.RETRYABLE, outcome.kind());
        assertEquals("connect", outcome.providerCode());
    }

    @Test
    void aTwilioThatDoesNotAnswerInTimeMayHaveTheMessage() {
        twilioAnswers(created().withFixedDelay(3_000));

        DeliveryOutcome outcome = sender(Map.of("herald.sms.twilio.read-timeout", "PT0.3S")).send(anSmsTo("+15550100012"));

        assertEquals(Kind.RETRYABLE, outcome.kind());
        assertEquals("unconfirmed", outcome.providerCode());
    }

    @Test
    void aCreatedMessageWhoseAnswerCannotBeReadCountsAsAccepted() {
        twilioAnswers(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"sid\": "));

        DeliveryOutcome outcome = sender().send(anSmsTo("+15550100013"));

        // Sending again would text the person twice.
        assertEquals(Kind.ACCEPTED, outcome.kind());
        assertNull(outcome.providerReference());
    }

    @Test
    void aNumberNotInE164FormIsPermanentWithoutAskingTwilio() {
        DeliveryOutcome outcome = sender().send(anSmsTo("0155 501 00"));

        assertEquals(Kind.PERMANENT, outcome.kind());
        assertTrue(twilio.requests().isEmpty());
    }

    @Test
    void theSpecCheckWouldCatchARequestTwilioRejects() {
        // Guards the guard: a create-message request without "To" must not pass the OpenAPI check.
        ValidationReport report = twilio.check(SimpleRequest.Builder.post(MESSAGES)
                .withContentType("application/x-www-form-urlencoded")
                .withAuthorization("Basic " + Base64.getEncoder().encodeToString((ACCOUNT + ":t").getBytes()))
                .withBody("From=%2B15005550006&Body=hello")
                .build());

        assertTrue(report.hasErrors(), report.getMessages().toString());
    }

    @Test
    void theSpecCheckStillCatchesAWronglyTypedFormValue() {
        // The one finding the check ignores is "number where a string is wanted"; the reverse must fail.
        ValidationReport report = twilio.check(SimpleRequest.Builder.post(MESSAGES)
                .withContentType("application/x-www-form-urlencoded")
                .withAuthorization("Basic " + Base64.getEncoder().encodeToString((ACCOUNT + ":t").getBytes()))
                .withBody("To=%2B15550100001&From=%2B15005550006&Body=hello&Attempt=first")
                .build());

        assertTrue(report.hasErrors(), report.getMessages().toString());
    }
}
