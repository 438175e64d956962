package org.opencxm.touchpoints.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.common.RateLimits;
import org.opencxm.touchpoints.EventType;
import org.opencxm.touchpoints.internal.CollectionLimits;
import org.opencxm.touchpoints.internal.CollectionRejected;
import org.opencxm.touchpoints.internal.Collector;
import org.opencxm.touchpoints.internal.ContentEncodings;
import org.opencxm.touchpoints.internal.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.TransactionException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The collection API's messages from receipt to answer, on the lean path: called by the first
 * filter, so that a tracking call costs what it must (rate limit, key, parse, store, answer)
 * and nothing of the filter chains and MVC a page needs. It sets itself what those would have
 * set: CORS for any origin (no cookie or credential is involved), no caching, nothing to sniff.
 * Answers 200 only after the events are committed; 503 with {@code Retry-After} when the
 * database cannot take them, so that Segment clients keep them and retry.
 */
final class CollectionEndpoint {

    private static final Logger log = LoggerFactory.getLogger(CollectionEndpoint.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** analytics.js (Segment's analytics-next) posts each message to its type's initial: {@code /v1/t}. */
    private static final Map<String, EventType> INITIALS = Map.of(
            "t", EventType.TRACK,
            "i", EventType.IDENTIFY,
            "p", EventType.PAGE,
            "s", EventType.SCREEN,
            "g", EventType.GROUP,
            "a", EventType.ALIAS);

    private static final List<String> BATCHES = List.of("batch", "import", "b");

    /** What a path asks for: one message of a type, or a batch ({@code type} null). */
    record Route(@Nullable EventType type) {}

    record Problem(String field, String message) {}

    /**
     * The answer to a batch: {@code success} as Segment clients expect it, then how many messages
     * are stored, how many were not, and the first hundred of those with their reasons.
     */
    record BatchAnswer(boolean success, int accepted, int rejectedTotal, List<RejectedAnswer> rejected) {}

    record RejectedAnswer(int index, @Nullable String messageId, List<Problem> errors) {}

    private final Collector collector;
    private final MessageSource messages;
    private final RateLimits limits;
    private final Clock clock;

    CollectionEndpoint(Collector collector, MessageSource messages, long perSecond, Clock clock) {
        this.collector = collector;
        this.messages = messages;
        this.limits = new RateLimits(perSecond, Duration.ofSeconds(1));
        this.clock = clock;
    }

    /** The route of a collection path without its trailing slash, if it is one. */
    static Optional<Route> route(String path) {
        if (!path.startsWith("/v1/") || path.indexOf('/', 4) >= 0) {
            return Optional.empty();
        }
        var name = path.substring(4);
        if (BATCHES.contains(name)) {
            return Optional.of(new Route(null));
        }
        var type = name.length() == 1 ? INITIALS.get(name) : EventType.fromWire(name);
        return type == null ? Optional.empty() : Optional.of(new Route(type));
    }

    void serve(Route route, HttpServletRequest request, HttpServletResponse response, Instant receivedAt)
            throws IOException {
        commonHeaders(request, response);
        var locale = locale(request);
        var wait = limits.retryAfterSeconds(request.getRemoteAddr());
        if (wait.isPresent()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()));
            problem(response, request, HttpStatus.TOO_MANY_REQUESTS, "collection.tooMany", List.of(), locale);
            return;
        }
        try {
            var received = request.getInputStream().readNBytes(CollectionLimits.MAX_REQUEST_BYTES + 1);
            var body = ContentEncodings.decode(received, request.getHeader(HttpHeaders.CONTENT_ENCODING));
            var receipt = collector.receive(
                    route.type(),
                    request.getHeader(HttpHeaders.AUTHORIZATION),
                    body,
                    receivedAt,
                    request.getRequestURI());
            response.setStatus(HttpStatus.OK.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            JSON.writeValue(
                    response.getOutputStream(),
                    route.type() != null
                            ? Map.of("success", true)
                            : new BatchAnswer(
                                    true,
                                    receipt.accepted(),
                                    receipt.rejectedTotal(),
                                    answers(receipt.rejected(), locale)));
        } catch (CollectionRejected rejected) {
            problem(response, request, rejected.status(), "collection.rejected", rejected.problems(), locale);
        } catch (DataAccessResourceFailureException
                | TransientDataAccessException
                | RecoverableDataAccessException
                | TransactionException unavailable) {
            // the events may in fact be stored if the connection broke after the commit; the
            // client's retry is then de-duplicated by message id
            log.warn(
                    "The event store could not take a collection request: {}",
                    unavailable.getClass().getSimpleName());
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            problem(response, request, HttpStatus.SERVICE_UNAVAILABLE, "collection.unavailable", List.of(), locale);
        }
    }

    /** Now, for a request that came some other way than through {@link CollectionRequests}. */
    Instant now() {
        return clock.instant();
    }

    private List<RejectedAnswer> answers(List<Collector.Refusal> refusals, Locale locale) {
        return refusals.stream()
                .map(refusal ->
                        new RejectedAnswer(refusal.index(), refusal.messageId(), problems(refusal.problems(), locale)))
                .toList();
    }

    private List<Problem> problems(List<FieldProblem> problems, Locale locale) {
        return problems.stream()
                .map(p -> new Problem(p.field(), messages.getMessage(p.messageKey(), null, locale)))
                .toList();
    }

    /** RFC 9457 problem details, as the rest of the API writes them. */
    private void problem(
            HttpServletResponse response,
            HttpServletRequest request,
            HttpStatus status,
            String detailKey,
            List<FieldProblem> problems,
            Locale locale)
            throws IOException {
        var body = new LinkedHashMap<String, Object>();
        body.put("detail", messages.getMessage(detailKey, null, locale));
        body.put("instance", request.getRequestURI());
        body.put("status", status.value());
        body.put("title", status.getReasonPhrase());
        if (!problems.isEmpty()) {
            body.put("errors", problems(problems, locale));
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), body);
    }

    private static void commonHeaders(HttpServletRequest request, HttpServletResponse response) {
        var origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null) {
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'");
    }

    /** The caller's language as Accept-Language says, German or English. */
    private static Locale locale(HttpServletRequest request) {
        var header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        return header != null && request.getLocale().getLanguage().equals("de") ? Locale.GERMAN : Locale.ENGLISH;
    }
}
