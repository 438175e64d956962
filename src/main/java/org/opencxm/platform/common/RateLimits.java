package org.opencxm.platform.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
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
    private final Cache<String, Bucket> buckets;

    public RateLimits(long perWindow, Duration window) {
        this.perWindow = perWindow;
        this.window = window;
        // a bucket forgotten before its window ends would hand out a fresh allowance
        var idle = window.compareTo(Duration.ofMinutes(10)) > 0 ? window : Duration.ofMinutes(10);
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(idle)
                .maximumSize(100_000)
                .build();
    }

    /**
     * The key a client address counts under: an IPv4 address as it is, an IPv6 address as its /64
     * network, since one subscriber usually holds a whole /64. Never resolves names.
     */
    public static String networkOf(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            var bytes = InetAddress.getByName(address.startsWith("[") ? address : "[" + address + "]")
                    .getAddress();
            if (bytes.length != 16) {
                return address;
            }
            var network = Arrays.copyOf(Arrays.copyOf(bytes, 8), 16);
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return address;
        }
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
