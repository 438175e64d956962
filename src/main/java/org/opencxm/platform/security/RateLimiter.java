package org.opencxm.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Token buckets per client address for the endpoints anyone can call (collection, sign-in):
 * a flood from one address gets 429 with {@code Retry-After} instead of the database's
 * attention. Buckets live per node, in a bounded cache.
 */
class RateLimiter extends OncePerRequestFilter {

    private final Predicate<HttpServletRequest> applies;
    private final long perWindow;
    private final Duration window;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    RateLimiter(Predicate<HttpServletRequest> applies, long perWindow, Duration window) {
        this.applies = applies;
        this.perWindow = perWindow;
        this.window = window;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!applies.test(request)) {
            chain.doFilter(request, response);
            return;
        }
        var bucket = buckets.get(
                request.getRemoteAddr(),
                address -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(perWindow).refillGreedy(perWindow, window))
                        .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        var accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value()); // the error page, in the reader's language
            return;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                        + "\"detail\":\"Too many requests from this address; retry after " + seconds + " s.\"}");
    }
}
