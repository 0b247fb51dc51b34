package org.herald.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Per-provider token buckets ({@code herald.notice.rate.<provider>} messages per second, a burst of
 * one second's worth), shared by this instance's workers. With several instances each keeps its own
 * bucket: divide the provider's limit by the number of instances.
 */
@ApplicationScoped
public class ProviderRateLimits {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, Double> rates;

    @Inject
    ProviderRateLimits(NoticeConfig config) {
        this(config.rate());
    }

    ProviderRateLimits(Map<String, Double> rates) {
        this.rates = Map.copyOf(rates);
    }

    /** Blocks until the provider may take one more message; returns at once for an unlimited provider. */
    public void acquire(String provider) {
        Double rate = rates.get(provider);
        if (rate == null || rate <= 0) {
            return;
        }
        Bucket bucket = buckets.computeIfAbsent(provider, p -> new Bucket(rate, System::nanoTime));
        long wait;
        while ((wait = bucket.take()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    static final class Bucket {
        private final double perNano;
        private final double capacity;
        private final LongSupplier nanoTime;
        private double tokens;
        private long last;

        Bucket(double perSecond, LongSupplier nanoTime) {
            this.perNano = perSecond / 1e9;
            this.capacity = Math.max(1, perSecond);
            this.tokens = capacity;
            this.nanoTime = nanoTime;
            this.last = nanoTime.getAsLong();
        }

        /** Takes a token and returns 0, or returns the nanoseconds until one is there. */
        synchronized long take() {
            long now = nanoTime.getAsLong();
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
