package org.herald.channel.push;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.herald.channel.ConfigMappings;
import org.herald.channel.IdempotencyKey;
import org.herald.channel.OutgoingMessage;
import org.herald.channel.PushAddress;

final class PushFixtures {

    static final String LINK = "https://notices.example.org/n/0f6c";

    private PushFixtures() {
    }

    static PushConfig config(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        all.put("herald.push.mode", "direct");
        all.putIfAbsent("herald.push.read-timeout", "PT3S");
        return ConfigMappings.of(PushConfig.class, all);
    }

    static OutgoingMessage pushTo(PushAddress.Platform platform, String token) {
        return pushTo(platform, token, "An incident may affect your account. Read what happened and what to do.");
    }

    static OutgoingMessage pushTo(PushAddress.Platform platform, String token, String text) {
        return OutgoingMessage.push(new IdempotencyKey(UUID.randomUUID(), 1), new PushAddress(platform, token),
                Locale.ENGLISH, "Herald test notice", text, LINK);
    }
}
