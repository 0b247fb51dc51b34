package org.herald.channel.push;

import jakarta.enterprise.event.Event;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import org.herald.channel.ChannelSender;
import org.herald.channel.ProviderFeedback;

/** Builds a direct push sender with test settings, for tests outside this package. */
public final class PushTestAccess {

    private PushTestAccess() {
    }

    public static ChannelSender directSender(Map<String, String> settings, Clock clock, Event<ProviderFeedback> feedback,
            HttpClient http) {
        return new DirectPushSender(PushFixtures.config(settings), clock, feedback, http);
    }
}
