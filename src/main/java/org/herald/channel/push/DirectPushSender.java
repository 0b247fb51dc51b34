package org.herald.channel.push;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.herald.channel.Channel;
import org.herald.channel.ChannelSender;
import org.herald.channel.DeliveryOutcome;
import org.herald.channel.OutgoingMessage;
import org.herald.channel.ProviderFeedback;
import org.herald.channel.PushAddress;
import org.jboss.logging.Logger;

/**
 * Sends push notifications straight to the platform's service (FCM, APNs, Web Push), chosen by
 * the recipient's {@link PushAddress}. A registration the service no longer knows is PERMANENT
 * and is also published as {@link ProviderFeedback}, so the one observer of "not reached" can
 * deactivate it.
 */
@ApplicationScoped
public class DirectPushSender implements ChannelSender {

    private static final Logger LOG = Logger.getLogger(DirectPushSender.class);

    private final Map<PushAddress.Platform, PushPlatformClient> clients = new EnumMap<>(PushAddress.Platform.class);
    private final Event<ProviderFeedback> feedback;

    @Inject
    public DirectPushSender(PushConfig config, Clock clock, Event<ProviderFeedback> feedback) {
        this(config, clock, feedback, HttpClient.newBuilder().connectTimeout(config.readTimeout())
                // HTTP/2 where the service offers it (FCM, most push services), 1.1 otherwise.
                .version(HttpClient.Version.HTTP_2).build());
    }

    DirectPushSender(PushConfig config, Clock clock, Event<ProviderFeedback> feedback, HttpClient http) {
        this.feedback = feedback;
        for (PushPlatformClient client : List.of(
                new FcmClient(config.fcm(), http, config.readTimeout(), clock),
                new ApnsPushClient(config.apns(), config.readTimeout(), clock),
                new WebPushClient(config.webpush(), http, config.readTimeout(), clock))) {
            clients.put(client.platform(), client);
        }
    }

    @Override
    public Channel channel() {
        return Channel.PUSH;
    }

    @Override
    public String provider() {
        return PushOutcomes.PROVIDER;
    }

    @Override
    public DeliveryOutcome send(OutgoingMessage m) {
        PushAddress to;
        try {
            to = PushAddress.parse(m.recipient());
        } catch (IllegalArgumentException e) {
            return DeliveryOutcome.permanent(PushOutcomes.PROVIDER, "bad-address", "the push address is not <platform>:<token>");
        }
        PushPlatformClient client = clients.get(to.platform());
        if (!client.configured()) {
            // A platform the operator chose not to configure reaches nobody: fall back rather than wait.
            return DeliveryOutcome.permanent(PushOutcomes.PROVIDER, to.platform().name().toLowerCase() + ":not-configured",
                    "Herald has no credentials for " + to.platform());
        }
        PushAnswer answer = client.send(m.idempotencyKey(), to.token(), new PushContent(
                m.subject() == null ? "" : m.subject(), m.textBody(), m.link()));
        LOG.debugf("push %s via %s: %s %s", m.idempotencyKey(), to.platform(), answer.outcome().kind(),
                answer.outcome().providerCode());
        if (answer.registrationGone()) {
            feedback.fire(new ProviderFeedback(m.idempotencyKey(), m.correlation(), to.platform().name().toLowerCase(),
                    answer.outcome()));
        }
        return answer.outcome();
    }

    @PreDestroy
    void close() {
        ((ApnsPushClient) clients.get(PushAddress.Platform.APNS)).close();
    }
}
