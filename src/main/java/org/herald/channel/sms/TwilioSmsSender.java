package org.herald.channel.sms;

import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.herald.channel.Channel;
import org.herald.channel.ChannelSender;
import org.herald.channel.DeliveryOutcome;
import org.herald.channel.OutgoingMessage;
import org.jboss.logging.Logger;

/**
 * Sends SMS with Twilio's {@code Messages.create}, from a number or a Messaging Service, asking
 * Twilio to report the final status to Herald's status-callback URL, which carries the attempt's
 * idempotency key.
 */
@ApplicationScoped
public class TwilioSmsSender implements ChannelSender {

    private static final Logger LOG = Logger.getLogger(TwilioSmsSender.class);

    private final SmsConfig.Mode mode;
    private final SmsConfig.Twilio config;
    private final Clock clock;
    private volatile TwilioRestClient client;

    @Inject
    public TwilioSmsSender(SmsConfig config, Clock clock) {
        this.mode = config.mode();
        this.config = config.twilio();
        this.clock = clock;
    }

    /** A half-configured Twilio account stops the start-up, not the first campaign. */
    void verifyOnStart(@Observes StartupEvent start) {
        if (mode == SmsConfig.Mode.TWILIO) {
            requireComplete(config);
        }
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public String provider() {
        return TwilioOutcomes.PROVIDER;
    }

    @Override
    public DeliveryOutcome send(OutgoingMessage m) {
        if (!E164.matches(m.recipient())) {
            return DeliveryOutcome.permanent(TwilioOutcomes.PROVIDER, "not-e164", "the number is not in E.164 form");
        }
        SmsSegments segments = SmsSegmentCounter.count(m.smsText());
        if (segments.exceedsWarningThreshold()) {
            LOG.warnf("SMS %s takes %d %s segments (more than %d)", m.idempotencyKey(), segments.segments(),
                    segments.encoding(), SmsSegments.WARNING_THRESHOLD);
        }
        MessageCreator creator = config.messagingServiceSid().isPresent()
                ? Message.creator(new PhoneNumber(m.recipient()), config.messagingServiceSid().get(), m.smsText())
                : Message.creator(new PhoneNumber(m.recipient()), new PhoneNumber(config.from().orElseThrow(
                        () -> new IllegalStateException("herald.sms.twilio.from or messaging-service-sid must be set"))),
                        m.smsText());
        creator.setStatusCallback(statusCallback(m));
        // Twilio's own field for "how many times this message was tried, across providers".
        creator.setAttempt(m.idempotencyKey().attempt());
        TwilioHttpClient.forgetLastExchange();
        try {
            Message sent = creator.create(client());
            String status = sent.getStatus() == null ? "queued" : sent.getStatus().toString();
            return DeliveryOutcome.accepted(TwilioOutcomes.PROVIDER, sent.getSid(), status, "Twilio accepted the message");
        } catch (TwilioException e) {
            DeliveryOutcome outcome = TwilioOutcomes.classify(e, TwilioHttpClient.lastExchange(), clock);
            LOG.debugf("Twilio did not take %s: %s %s", m.idempotencyKey(), outcome.kind(), outcome.providerCode());
            return outcome;
        } finally {
            TwilioHttpClient.forgetLastExchange();
        }
    }

    /** The callback URL for one attempt: the configured public URL plus the idempotency key. */
    URI statusCallback(OutgoingMessage m) {
        String base = config.statusCallbackUrl();
        StringBuilder url = new StringBuilder(base).append(base.contains("?") ? '&' : '?')
                .append(TwilioStatusCallbacks.KEY_PARAM).append('=').append(encode(m.idempotencyKey().value()));
        if (!m.correlation().equals(m.idempotencyKey().value())) {
            url.append('&').append(TwilioStatusCallbacks.CORRELATION_PARAM).append('=').append(encode(m.correlation()));
        }
        return URI.create(url.toString());
    }

    private TwilioRestClient client() {
        TwilioRestClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    requireComplete(config);
                    client = new TwilioRestClient.Builder(config.accountSid().get(), config.authToken().get())
                            .httpClient(new TwilioHttpClient(config.apiBaseUrl(), config.readTimeout()))
                            .build();
                }
                c = client;
            }
        }
        return c;
    }

    private static void requireComplete(SmsConfig.Twilio config) {
        if (config.accountSid().isEmpty() || config.authToken().isEmpty()) {
            throw new IllegalStateException(
                    "herald.sms.mode=twilio needs herald.sms.twilio.account-sid and auth-token (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN)");
        }
        if (config.from().isEmpty() && config.messagingServiceSid().isEmpty()) {
            throw new IllegalStateException(
                    "herald.sms.mode=twilio needs herald.sms.twilio.from or herald.sms.twilio.messaging-service-sid");
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
