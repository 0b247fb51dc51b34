package org.herald.channel.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.herald.channel.IdempotencyKey;
import org.herald.channel.ProviderFeedback;

/** Stands where the notice engine will: collects the provider feedback the channels publish. */
@ApplicationScoped
public class RecordedFeedback {

    private final List<ProviderFeedback> received = new CopyOnWriteArrayList<>();

    void on(@Observes ProviderFeedback feedback) {
        received.add(feedback);
    }

    public List<ProviderFeedback> about(IdempotencyKey key) {
        return received.stream().filter(f -> f.idempotencyKey().equals(key)).toList();
    }
}
