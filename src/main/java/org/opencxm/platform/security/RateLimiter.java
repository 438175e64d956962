package org.opencxm.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Predicate;
import org.opencxm.platform.common.RateLimits;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@link RateLimits} per client address for the endpoints anyone can call (sign-in, survey
 * answers, the widget): a flood from one address gets 429 with {@code Retry-After}.
 */
class RateLimiter extends OncePerRequestFilter {

    private final Predicate<HttpServletRequest> applies;
    private final RateLimits limits;

    RateLimiter(Predicate<HttpServletRequest> applies, long perWindow, Duration window) {
        this.applies = applies;
        this.limits = new RateLimits(perWindow, window);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!applies.test(request)) {
            chain.doFilter(request, response);
            return;
        }
        var wait = limits.retryAfterSeconds(request.getRemoteAddr());
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = wait.getAsLong();
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
