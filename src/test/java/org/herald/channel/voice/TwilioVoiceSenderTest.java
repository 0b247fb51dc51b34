package org.herald.channel.voice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.herald.channel.ConfigMappings;
import org.herald.channel.DeliveryOutcome;
import org.herald.channel.DeliveryOutcome.Kind;
import org.herald.channel.IdempotencyKey;
import org.herald.channel.OutgoingMessage;
import org.herald.channel.sms.TwilioApiStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calls through the Twilio SDK to a local stand-in for Twilio's API; every request is checked
 * against Twilio's OpenAPI description afterwards.
 */
class TwilioVoiceSenderTest {

    private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    private static final String CALLS = "/2010-04-01/Accounts/" + ACCOUNT + "/Calls.json";
    private static final String CALL_SID = "CA0123456789abcdef0123456789abcdef";
    private static final String CALLER = "+15005550006";
    private static final String CALLBACK = "https://herald.example.test/api/webhooks/twilio/voice-status";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:30:00Z"), ZoneOffset.UTC);

    private static TwilioApiStandIn twilio;

    @BeforeAll
    static void start() {
        twilio = new TwilioApiStandIn();
    }

    @AfterAll
    static void stop() {
        twilio.close();
    }

    @AfterEach
    void conforms() {
        try {
            twilio.assertEveryRequestConformsToTwilioSpec();
        } finally {
            twilio.reset();
        }
    }

    private static TwilioVoiceSender sender() {
        Map<String, String> values = new HashMap<>(Map.of(
                "herald.voice.mode", "twilio",
                "herald.voice.twilio.account-sid", ACCOUNT,
                "herald.voice.twilio.auth-token", "test-auth-token",
                "herald.voice.twilio.from", CALLER,
                "herald.voice.twilio.api-base-url", twilio.baseUrl().toString(),
                "herald.voice.twilio.status-callback-url", CALLBACK,
                "herald.voice.twilio.read-timeout", "PT2S",
                "herald.voice.voices.\"zh-CN\"", "Polly.Zhiyu"));
        return new TwilioVoiceSender(ConfigMappings.of(VoiceConfig.class, values), CLOCK);
    }

    private static OutgoingMessage aCallTo(String number, Locale locale, String text) {
        return OutgoingMessage.voice(new IdempotencyKey(UUID.randomUUID(), 1), number, locale, text);
    }

    private static void twilioAnswers(ResponseDefinitionBuilder response) {
        twilio.server().stubFor(post(urlPathEqualTo(CALLS)).willReturn(response));
    }

    private static ResponseDefinitionBuilder queued() {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                {"account_sid": "%s", "api_version": "2010-04-01", "sid": "%s", "status": "queued",
                 "direction": "outbound-api", "from": "%s", "to": "+15550100031",
                 "date_created": "Mon, 02 Mar 2026 09:30:00 +0000", "uri": "/2010-04-01/Accounts/%s/Calls/%s.json"}
                """.formatted(ACCOUNT, CALL_SID, CALLER, ACCOUNT, CALL_SID));
    }

    private static ResponseDefinitionBuilder twilioError(int status, int code) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                {"code": %d, "message": "test", "more_info": "https://www.twilio.com/docs/errors/%d", "status": %d}
                """.formatted(code, code, status));
    }

    @Test
    void theCallIsPlacedWithTheNoticeReadInThePersonsLanguage() {
        twilioAnswers(queued());
        OutgoingMessage call = aCallTo("+15550100031", Locale.forLanguageTag("zh-CN"), "您的个人信息可能受到影响 & 请查看邮件。");

        DeliveryOutcome outcome = sender().send(call);

        assertThat(outcome.kind()).isEqualTo(Kind.ACCEPTED);
        assertThat(outcome.providerReference()).isEqualTo(CALL_SID);
        Map<String, String> form = TwilioApiStandIn.form(twilio.requests().get(0));
        assertThat(form).containsEntry("To", "+15550100031").containsEntry("From", CALLER)
                .containsEntry("StatusCallback", CALLBACK + "?key=" + call.idempotencyKey().value())
                .containsEntry("StatusCallbackMethod", "POST")
                .doesNotContainKey("StatusCallbackEvent");
        assertThat(form.get("Twiml"))
                .contains("<Say voice=\"Polly.Zhiyu\" language=\"zh-CN\">您的个人信息可能受到影响 &amp; 请查看邮件。</Say>")
                .contains("<Pause length=\"2\"/>");
    }

    @Test
    void aLanguageWithoutItsOwnVoiceUsesTheDefault() {
        twilioAnswers(queued());

        sender().send(aCallTo("+15550100032", Locale.ENGLISH, "Herald test notice."));

        assertThat(TwilioApiStandIn.form(twilio.requests().get(0)).get("Twiml")).contains("<Say voice=\"alice\" language=\"en\">");
    }

    @Test
    void anInvalidNumberIsPermanent() {
        twilioAnswers(twilioError(400, 21211));

        DeliveryOutcome outcome = sender().send(aCallTo("+15550100033", Locale.ENGLISH, "Herald test notice."));

        assertThat(outcome.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(outcome.providerCode()).isEqualTo("21211");
    }

    @Test
    void tooManyRequestsAndServerErrorsAreRetryable() {
        twilioAnswers(twilioError(429, 20429).withHeader("Retry-After", "15"));
        DeliveryOutcome throttled = sender().send(aCallTo("+15550100034", Locale.ENGLISH, "Herald test notice."));
        twilio.reset();
        twilioAnswers(twilioError(503, 20503));
        DeliveryOutcome unavailable = sender().send(aCallTo("+15550100035", Locale.ENGLISH, "Herald test notice."));

        assertThat(throttled.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(15));
        assertThat(unavailable.kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(twilio.requests()).as("no hidden retry of the POST").hasSize(1);
    }

    @Test
    void aNumberNotInE164IsPermanentWithoutAskingTwilio() {
        DeliveryOutcome outcome = sender().send(aCallTo("0201 555 0136", Locale.ENGLISH, "Herald test notice."));

        assertThat(outcome.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(twilio.requests()).isEmpty();
    }
}
