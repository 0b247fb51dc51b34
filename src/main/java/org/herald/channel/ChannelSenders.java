package org.herald.channel;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * The one door the notice engine uses to send: picks, per channel, the sender whose provider name
 * is configured as {@code herald.<channel>.mode} (default {@code sandbox}). Choosing a provider is
 * configuration, not code; a misspelt provider stops the start-up with the names that exist.
 */
@Startup
@ApplicationScoped
public class ChannelSenders {

    /** Every channel runs in sandbox mode unless told otherwise, so a first start needs no provider. */
    public static final String DEFAULT_PROVIDER = "sandbox";

    private final Map<Channel, ChannelSender> chosen;

    @Inject
    ChannelSenders(@Any Instance<ChannelSender> senders, Config config) {
        this(senders.stream().toList(),
                channel -> config.getOptionalValue("herald." + channel.key() + ".mode", String.class));
    }

    /**
     * @param senders every sender on offer
     * @param configuredProvider the provider configured for a channel, if any
     */
    public ChannelSenders(List<ChannelSender> senders, Function<Channel, Optional<String>> configuredProvider) {
        Map<Channel, ChannelSender> picked = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            List<ChannelSender> offered = senders.stream().filter(s -> s.channel() == channel).toList();
            if (offered.isEmpty()) {
                continue;
            }
            String wanted = configuredProvider.apply(channel).map(String::trim).filter(s -> !s.isEmpty())
                    .orElse(DEFAULT_PROVIDER);
            ChannelSender sender = offered.stream().filter(s -> s.provider().equalsIgnoreCase(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("herald." + channel.key() + ".mode=" + wanted
                            + " names no " + channel + " provider; known: "
                            + offered.stream().map(ChannelSender::provider)
                                    .collect(Collectors.toCollection(TreeSet::new))));
            picked.put(channel, sender);
        }
        this.chosen = picked;
    }

    /** The sender for a channel, if Herald can send on it at all. */
    public Optional<ChannelSender> forChannel(Channel channel) {
        return Optional.ofNullable(chosen.get(channel));
    }

    /** Sends through the configured provider of the message's channel. */
    public DeliveryOutcome send(OutgoingMessage message) {
        ChannelSender sender = forChannel(message.channel()).orElseThrow(
                () -> new IllegalStateException("no sender for channel " + message.channel()));
        return sender.send(message);
    }

    /** Channel → provider name, for the capacity forecast and the console. */
    public Map<Channel, String> providers() {
        Map<Channel, String> names = new EnumMap<>(Channel.class);
        chosen.forEach((channel, sender) -> names.put(channel, sender.provider()));
        return names;
    }
}
