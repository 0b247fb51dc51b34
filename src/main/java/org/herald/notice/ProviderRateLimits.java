package org.herald.notice;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Per-provider token buckets ({@code herald.notice.rate.<provider>} messages per second, a burst of
 * one second's worth), shared by this instance's workers. With several instances each keeps its own
 * bucket: divide the provider's limit by the number of instances.
 */
@ApplicationScoped
public class ProviderRateLimits {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, Double> rates;

    ProviderRateLimits(NoticeConfig config) {
        this.rates = Map.copyOf(config.rate());
    }

    /** Blocks until the provider may take one more message; returns at once for an unlimited provider. */
    public void acquire(String provider) {
        Double rate = rates.get(provider);
        if (rate == null || rate <= 0) {
            return;
        }
        Bucket bucket = buckets.computeIfAbsent(provider, p -> new Bucket(rate));
        long wait;
        while ((wait = bucket.take()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    static final class Bucket {
        private final double perNano;
        private final double capacity;
        private double tokens;
        private long last = System.nanoTime();

        Bucket(double perSecond) {
            this.perNano = perSecond / 1e9;
            this.capacity = Math.max(1, perSecond);
            this.tokens = capacity;
        }

        /** Takes a token and returns 0, or returns the nanoseconds until one is there. */
        synchronized long take() {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perNano);
        }
    }
}
