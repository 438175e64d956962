package org.opencxm.platform.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets per key (a client address, say) for what anyone may call: a flood from one key
 * is told to come back later instead of getting the database's attention. Buckets live per
 * node, in a bounded cache that forgets keys idle for ten minutes.
 */
public final class RateLimits {

    private final long perWindow;
    private final Duration window;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    public RateLimits(long perWindow, Duration window) {
        this.perWindow = perWindow;
        this.window = window;
    }

    /** Takes one token; @return empty if there was one, else the whole seconds until there is. */
    public OptionalLong retryAfterSeconds(String key) {
        var bucket = buckets.get(
                key,
                k -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(perWindow).refillGreedy(perWindow, window))
                        .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? OptionalLong.empty()
                : OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1));
    }
}
