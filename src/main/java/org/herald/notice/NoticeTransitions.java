package org.herald.notice;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.herald.channel.Channel;
import org.herald.channel.ChannelSenders;
import org.herald.channel.DeliveryOutcome;

/**
 * What a notice does next after an outcome: done, held until Herald hands it over to the provider
 * (a letter waiting for its print batch), wait for a retry on the same channel (exponential backoff
 * with jitter, never sooner than the provider's {@code Retry-After}), fall back to the next channel
 * of its chain that has a sender, or — chain exhausted — UNREACHABLE.
 */
@ApplicationScoped
public class NoticeTransitions {

    /** The provider code that says the content left but no answer came (docs/channels.md). */
    static final String UNCONFIRMED = "unconfirmed";

    private final ChannelSenders senders;
    private final NoticeConfig config;

    NoticeTransitions(ChannelSenders senders, NoticeConfig config) {
        this.senders = senders;
        this.config = config;
    }

    /** Where a notice stands before the outcome. */
    record Before(List<Channel> chain, int chainPos, int channelAttempts, int keyAttempt) {
    }

    /** Where it goes. {@code reuseKey} is the key attempt to send again under, or null for a fresh key. */
    record After(String state, int chainPos, Channel channel, int channelAttempts, Instant nextAt, Integer reuseKey,
            boolean finished, boolean fellBack) {
    }

    After after(Before b, DeliveryOutcome.Kind kind, String providerCode, Duration retryAfter, Integer retryLimit,
            Instant now) {
        Channel current = b.chainPos() < b.chain().size() ? b.chain().get(b.chainPos()) : null;
        return switch (kind) {
            case DELIVERED -> new After("DELIVERED", b.chainPos(), current, b.channelAttempts(), now, null, true, false);
            case ACCEPTED -> new After("SENT", b.chainPos(), current, b.channelAttempts(), now, null, true, false);
            // Waits for its hand-over (ACCEPTED feedback); not due, so the dispatcher does not claim it again.
            case HELD -> new After("HELD", b.chainPos(), current, b.channelAttempts(), now, null, false, false);
            case RETRYABLE -> {
                int tries = b.channelAttempts();
                int limit = config.retry().maxAttemptsPerChannel();
                if (retryLimit != null) {
                    limit = Math.min(limit, tries + retryLimit);
                }
                if (tries < limit) {
                    Duration wait = backoff(tries, retryAfter);
                    Integer reuse = UNCONFIRMED.equals(providerCode) ? b.keyAttempt() : null;
                    yield new After("RETRY_SCHEDULED", b.chainPos(), current, tries, now.plus(wait), reuse, false, false);
                }
                yield fallBack(b, now);
            }
            case PERMANENT, OPTED_OUT -> fallBack(b, now);
        };
    }

    After fallBack(Before b, Instant now) {
        for (int pos = b.chainPos() + 1; pos < b.chain().size(); pos++) {
            Channel next = b.chain().get(pos);
            if (senders.forChannel(next).isPresent()) {
                return new After("QUEUED", pos, next, 0, now, null, false, true);
            }
        }
        Channel current = b.chainPos() < b.chain().size() ? b.chain().get(b.chainPos()) : null;
        return new After("UNREACHABLE", b.chainPos(), current, b.channelAttempts(), now, null, true, false);
    }

    /**
     * Equal jitter over an exponential step: after the n-th try on a channel wait between half and all
     * of {@code initial × 2^(n-1)} (capped), and at least what the provider asked for.
     */
    Duration backoff(int triesSoFar, Duration retryAfter) {
        long initial = config.retry().initialBackoff().toMillis();
        long cap = config.retry().maxBackoff().toMillis();
        long step = initial << Math.min(Math.max(triesSoFar - 1, 0), 30);
        step = Math.min(Math.max(step, 1), cap);
        long jittered = step / 2 + ThreadLocalRandom.current().nextLong(step / 2 + 1);
        Duration wait = Duration.ofMillis(jittered);
        return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
    }

    static List<Channel> chainOf(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(",")).map(Channel::valueOf).toList();
    }
}
