package org.herald.channel.voice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.herald.channel.Channel;
import org.herald.channel.ChannelSenders;
import org.herald.channel.DeliveryOutcome.Kind;
import org.herald.channel.IdempotencyKey;
import org.herald.channel.OutgoingMessage;
import org.herald.channel.ProviderFeedback;
import org.herald.channel.sms.RecordedFeedback;
import org.junit.jupiter.api.Test;

/** Call status callbacks: signed by Twilio, a call counts as delivered only when it was answered. */
@QuarkusTest
class TwilioVoiceCallbackTest {

    private static final String TOKEN = "test-auth-token-not-a-secret";
    private static final String PUBLIC_URL = "http://localhost:8080/api/webhooks/twilio/voice-status";
    private static final String PATH = "/api/webhooks/twilio/voice-status";

    @Inject
    RecordedFeedback feedback;

    @Inject
    ChannelSenders senders;

    private static String signature(String url, Map<String, String> form) throws Exception {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((k, v) -> data.append(k).append(v));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, String> call(String sid, String status, String duration, String answeredBy) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", "AC00000000000000000000000000000000");
        form.put("CallSid", sid);
        form.put("CallStatus", status);
        form.put("To", "+15550100041");
        form.put("From", "+15005550006");
        if (duration != null) {
            form.put("CallDuration", duration);
        }
        if (answeredBy != null) {
            form.put("AnsweredBy", answeredBy);
        }
        return form;
    }

    private static int post(IdempotencyKey key, Map<String, String> form, boolean sign) throws Exception {
        String sig = signature(PUBLIC_URL + "?key=" + key.value(), form);
        var request = given().queryParam("key", key.value()).formParams(form);
        if (sign) {
            request = request.header("X-Twilio-Signature", sig);
        }
        return request.post(PATH).statusCode();
    }

    private static IdempotencyKey aKey() {
        return new IdempotencyKey(UUID.randomUUID(), 1);
    }

    private static String aCallSid() {
        return "CA" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void anAnsweredCallIsDeliveredOnce() throws Exception {
        IdempotencyKey key = aKey();
        String sid = aCallSid();

        assertThat(post(key, call(sid, "completed", "41", null), true)).isEqualTo(204);
        assertThat(post(key, call(sid, "completed", "41", null), true)).isEqualTo(204);

        assertThat(feedback.about(key)).singleElement().satisfies(f -> {
            assertThat(f.outcome().kind()).isEqualTo(Kind.DELIVERED);
            assertThat(f.providerReference()).isEqualTo(sid);
        });
    }

    @Test
    void busyAndNoAnswerAreRetryableWithALimitThenTheNextChannel() throws Exception {
        IdempotencyKey busy = aKey();
        IdempotencyKey unanswered = aKey();

        post(busy, call(aCallSid(), "busy", "0", null), true);
        post(unanswered, call(aCallSid(), "no-answer", "0", null), true);

        ProviderFeedback b = feedback.about(busy).get(0);
        ProviderFeedback n = feedback.about(unanswered).get(0);
        assertThat(b.outcome().kind()).isEqualTo(Kind.RETRYABLE);
        assertThat(b.outcome().retryLimit()).isEqualTo(2);
        assertThat(n.outcome().providerCode()).isEqualTo("no-answer");
    }

    @Test
    void aCallTakenByAnAnsweringMachineIsNotDelivered() throws Exception {
        IdempotencyKey key = aKey();

        post(key, call(aCallSid(), "completed", "20", "machine_end_beep"), true);

        assertThat(feedback.about(key).get(0).outcome().kind()).isEqualTo(Kind.RETRYABLE);
    }

    @Test
    void aFailedCallToAnInvalidNumberIsPermanentFeedback() throws Exception {
        IdempotencyKey key = aKey();
        Map<String, String> form = call(aCallSid(), "failed", "0", null);
        form.put("ErrorCode", "13224");

        post(key, form, true);

        assertThat(feedback.about(key)).singleElement()
                .satisfies(f -> assertThat(f.outcome().kind()).isEqualTo(Kind.PERMANENT));
    }

    @Test
    void anUnsignedCallbackIsRefused() throws Exception {
        IdempotencyKey key = aKey();

        assertThat(post(key, call(aCallSid(), "completed", "30", null), false)).isEqualTo(403);
        assertThat(feedback.about(key)).isEmpty();
    }

    @Test
    void theSandboxRecordsTheCallInsteadOfPlacingIt() {
        assertThat(senders.forChannel(Channel.VOICE).orElseThrow().provider()).isEqualTo("sandbox");

        var outcome = senders.send(OutgoingMessage.voice(aKey(), "+15550100042", java.util.Locale.forLanguageTag("zh-CN"), "测试通知。"));

        assertThat(outcome.kind()).isEqualTo(Kind.DELIVERED);
        assertThat(outcome.providerReference()).startsWith("sandbox-voice-");
    }
}
