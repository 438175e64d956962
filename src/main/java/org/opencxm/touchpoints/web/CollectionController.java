package org.opencxm.touchpoints.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.PublicEndpoint;
import org.opencxm.touchpoints.EventType;
import org.opencxm.touchpoints.internal.CollectionLimits;
import org.opencxm.touchpoints.internal.Collector;
import org.opencxm.touchpoints.internal.ContentEncodings;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The collection API, compatible with the Segment HTTP Tracking API: existing Segment and
 * RudderStack clients only change the endpoint ({@link CollectionRequests} takes what they put
 * around their messages). Answers 200 only after the events are
 * committed. Authenticated by write key (not by session or token), hence a public endpoint for
 * the web security.
 */
@RestController
@PublicEndpoint
class CollectionController {

    private static final Map<String, Boolean> SUCCESS = Map.of("success", true);

    /**
     * The answer to a batch: {@code success} as Segment clients expect it, then how many messages
     * are stored and which went to the quarantine, and why.
     */
    record BatchAnswer(boolean success, int accepted, List<RejectedAnswer> rejected) {}

    record RejectedAnswer(int index, @Nullable String messageId, List<CollectionProblems.Problem> errors) {}

    private final Collector collector;
    private final MessageSource messages;
    private final Clock clock;

    CollectionController(Collector collector, MessageSource messages, Clock clock) {
        this.collector = collector;
        this.messages = messages;
        this.clock = clock;
    }

    /** analytics.js (Segment's analytics-next) posts each message to its type's initial: {@code /v1/t}. */
    private static final Map<String, EventType> INITIALS = Map.of(
            "t", EventType.TRACK,
            "i", EventType.IDENTIFY,
            "p", EventType.PAGE,
            "s", EventType.SCREEN,
            "g", EventType.GROUP,
            "a", EventType.ALIAS);

    @PostMapping(
            path = "/v1/{type:track|identify|page|screen|group|alias|t|i|p|s|g|a}",
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Boolean> single(@PathVariable String type, HttpServletRequest request) throws IOException {
        var receivedAt = CollectionRequests.receivedAt(request, clock);
        collector.receive(
                type.length() == 1 ? INITIALS.get(type) : EventType.fromWire(type),
                request.getHeader(HttpHeaders.AUTHORIZATION),
                body(request),
                receivedAt,
                request.getRequestURI());
        return SUCCESS;
    }

    @PostMapping(
            path = {"/v1/batch", "/v1/import", "/v1/b"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    BatchAnswer batch(HttpServletRequest request, Locale locale) throws IOException {
        var receivedAt = CollectionRequests.receivedAt(request, clock);
        var receipt = collector.receive(
                null, request.getHeader(HttpHeaders.AUTHORIZATION), body(request), receivedAt, request.getRequestURI());
        return new BatchAnswer(
                true,
                receipt.accepted(),
                receipt.rejected().stream()
                        .map(refusal -> new RejectedAnswer(
                                refusal.index(),
                                refusal.messageId(),
                                refusal.problems().stream()
                                        .map(p -> new CollectionProblems.Problem(
                                                p.field(), messages.getMessage(p.messageKey(), null, locale)))
                                        .toList()))
                        .toList());
    }

    /**
     * The body as the client wrote it, gzip or deflate undone. One byte more than allowed is
     * enough to tell that a body is too large, before and after unpacking.
     */
    private static byte[] body(HttpServletRequest request) throws IOException {
        var received = request.getInputStream().readNBytes(CollectionLimits.MAX_REQUEST_BYTES + 1);
        return ContentEncodings.decode(received, request.getHeader(HttpHeaders.CONTENT_ENCODING));
    }
}
