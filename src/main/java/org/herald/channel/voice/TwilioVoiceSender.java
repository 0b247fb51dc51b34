package org.herald.channel.voice;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.CallCreator;
import com.twilio.type.PhoneNumber;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.herald.channel.Channel;
import org.herald.channel.ChannelSender;
import org.herald.channel.DeliveryOutcome;
import org.herald.channel.OutgoingMessage;
import org.herald.channel.RetryAfter;
import org.herald.channel.sms.TwilioHttpClient;
import org.jboss.logging.Logger;

/**
 * Places a call with Twilio's {@code Calls.create}: the TwiML reads the notice in the person's
 * language, and Twilio reports the call's end to Herald's voice status webhook, whose URL carries
 * the attempt's idempotency key. The call is ACCEPTED when placed; it is delivered only when a
 * status callback says it was answered.
 */
@ApplicationScoped
public class TwilioVoiceSender implements ChannelSender {

    static final String PROVIDER = TwilioCallStatus.PROVIDER;

    private static final Logger LOG = Logger.getLogger(TwilioVoiceSender.class);
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    private final VoiceConfig config;
    private final Clock clock;
    private volatile TwilioRestClient client;

    @Inject
    public TwilioVoiceSender(VoiceConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    void verifyOnStart(@Observes StartupEvent start) {
        if (config.mode() == VoiceConfig.Mode.TWILIO) {
            requireComplete(config.twilio());
        }
    }

    @Override
    public Channel channel() {
        return Channel.VOICE;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public DeliveryOutcome send(OutgoingMessage m) {
        if (!E164.matcher(m.recipient()).matches()) {
            return DeliveryOutcome.permanent(PROVIDER, "not-e164", "the number is not in E.164 form");
        }
        VoiceConfig.Twilio twilio = config.twilio();
        String twiml = Twiml.say(m.textBody(), m.locale(), Twiml.voiceFor(m.locale(), config), config.repeat());
        CallCreator creator = Call.creator(new PhoneNumber(m.recipient()),
                new PhoneNumber(twilio.from().orElseThrow(() -> new IllegalStateException("herald.voice.twilio.from must be set"))),
                new com.twilio.type.Twiml(twiml));
        creator.setStatusCallback(statusCallback(m));
        creator.setStatusCallbackMethod(HttpMethod.POST);
        // No StatusCallbackEvent: Twilio then reports only the call's end (completed, busy, no-answer, failed, canceled).
        creator.setTimeout(twilio.ringTimeoutSeconds());
        TwilioHttpClient.forgetLastExchange();
        try {
            Call call = creator.create(client());
            String status = call.getStatus() == null ? "queued" : call.getStatus().toString();
            return DeliveryOutcome.accepted(PROVIDER, call.getSid(), status, "Twilio placed the call");
        } catch (TwilioException e) {
            DeliveryOutcome outcome = classify(e, TwilioHttpClient.lastExchange());
            LOG.debugf("Twilio did not place call %s: %s %s", m.idempotencyKey(), outcome.kind(), outcome.providerCode());
            return outcome;
        } finally {
            TwilioHttpClient.forgetLastExchange();
        }
    }

    private DeliveryOutcome classify(TwilioException failure, Optional<TwilioHttpClient.Exchange> exchange) {
        if (exchange.isEmpty() || !(failure instanceof ApiException e)) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof ConnectException || t instanceof UnknownHostException) {
                    return DeliveryOutcome.retryable(PROVIDER, "connect", "Twilio could not be reached", null);
                }
            }
            return DeliveryOutcome.retryable(PROVIDER, "unconfirmed", "Twilio may have placed the call: its answer never arrived", null);
        }
        int status = e.getStatusCode() != null ? e.getStatusCode() : exchange.get().status();
        Duration retryAfter = exchange.get().retryAfter().flatMap(v -> RetryAfter.parse(v, clock)).orElse(null);
        String code = e.getCode() != null ? String.valueOf(e.getCode()) : "http-" + status;
        if (status >= 200 && status < 300) {
            return DeliveryOutcome.accepted(PROVIDER, null, String.valueOf(status), "Twilio placed the call but its answer could not be read");
        }
        if (status == 429) {
            return DeliveryOutcome.retryable(PROVIDER, code, "Twilio asked Herald to slow down", retryAfter);
        }
        if (status >= 500) {
            return DeliveryOutcome.retryable(PROVIDER, code, "Twilio had a temporary failure", retryAfter);
        }
        if (status == 401 || status == 403) {
            return DeliveryOutcome.retryable(PROVIDER, code, "Twilio refused Herald's credentials", retryAfter);
        }
        if ("21215".equals(code)) {
            // Geographic permissions of Herald's account: an operator can allow the country.
            return DeliveryOutcome.retryable(PROVIDER, code, "Herald's Twilio account may not call this country", null);
        }
        return DeliveryOutcome.permanent(PROVIDER, code, "Twilio refused to place this call");
    }

    /** The callback URL for one attempt: the configured public URL plus the idempotency key. */
    URI statusCallback(OutgoingMessage m) {
        String base = config.twilio().statusCallbackUrl();
        StringBuilder url = new StringBuilder(base).append(base.contains("?") ? '&' : '?')
                .append(TwilioVoiceCallbacks.KEY_PARAM).append('=').append(encode(m.idempotencyKey().value()));
        if (!m.correlation().equals(m.idempotencyKey().value())) {
            url.append('&').append(TwilioVoiceCallbacks.CORRELATION_PARAM).append('=').append(encode(m.correlation()));
        }
        return URI.create(url.toString());
    }

    private TwilioRestClient client() {
        TwilioRestClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    VoiceConfig.Twilio twilio = config.twilio();
                    requireComplete(twilio);
                    client = new TwilioRestClient.Builder(twilio.accountSid().get(), twilio.authToken().get())
                            .httpClient(new TwilioHttpClient(twilio.apiBaseUrl(), twilio.readTimeout()))
                            .build();
                }
                c = client;
            }
        }
        return c;
    }

    private static void requireComplete(VoiceConfig.Twilio twilio) {
        if (twilio.accountSid().isEmpty() || twilio.authToken().isEmpty() || twilio.from().isEmpty()) {
            throw new IllegalStateException("herald.voice.mode=twilio needs herald.voice.twilio.account-sid, auth-token and from");
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
