package org.herald.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProviderRateLimitsTest {

    private static final long MS = 1_000_000L;

    private final AtomicLong now = new AtomicLong(1_000 * MS);

    @Test
    void aFullBucketLetsOneSecondsWorthThroughAtOnce() {
        ProviderRateLimits.Bucket bucket = new ProviderRateLimits.Bucket(10, now::get);

        for (int i = 0; i < 10; i++) {
            assertEquals(0, bucket.take(), "token " + (i + 1) + " of the burst");
        }
        assertEquals(100 * MS, bucket.take(), "the eleventh waits one tenth of a second");
    }

    @Test
    void tokensComeBackAtTheConfiguredRate() {
        ProviderRateLimits.Bucket bucket = new ProviderRateLimits.Bucket(10, now::get);
        for (int i = 0; i < 10; i++) {
            bucket.take();
        }

        now.addAndGet(40 * MS);
        assertEquals(60 * MS, bucket.take(), "0.4 of a token after 40 ms");
        now.addAndGet(60 * MS);
        assertEquals(0, bucket.take());
        assertEquals(100 * MS, bucket.take(), "the refilled token was taken");
    }

    @Test
    void anIdleBucketRefillsOnlyUpToItsBurst() {
        ProviderRateLimits.Bucket bucket = new ProviderRateLimits.Bucket(5, now::get);

        now.addAndGet(60_000 * MS);
        int immediate = 0;
        while (bucket.take() == 0) {
            immediate++;
        }
        assertEquals(5, immediate, "a minute of idling does not bank more than one second's worth");
    }

    @Test
    void aRateBelowOnePerSecondStillLetsOneMessageThrough() {
        ProviderRateLimits.Bucket bucket = new ProviderRateLimits.Bucket(0.5, now::get);

        assertEquals(0, bucket.take());
        assertEquals(2_000 * MS, bucket.take(), "one message every two seconds");
    }

    @Test
    void acquireWaitsForTheConfiguredProviderAndNotForOthers() {
        ProviderRateLimits limits = new ProviderRateLimits(Map.of("twilio", 200.0));

        long unlimitedStart = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            limits.acquire("smtp");
        }
        long unlimited = System.nanoTime() - unlimitedStart;

        long start = System.nanoTime();
        for (int i = 0; i < 300; i++) {
            limits.acquire("twilio");
        }
        Duration limited = Duration.ofNanos(System.nanoTime() - start);

        // 200 go at once (the burst), the other 100 come at 200 per second: at least half a second.
        assertTrue(limited.compareTo(Duration.ofMillis(495)) >= 0, "300 messages at 200/s took only " + limited);
        assertTrue(unlimited < limited.toNanos(), "an unconfigured provider is not limited");
    }
}
