package org.opencxm.touchpoints;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.opencxm.platform.PublicEndpoint;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The collection API, compatible with the Segment HTTP Tracking API: existing Segment and
 * RudderStack clients only change the endpoint. Answers 200 only after the events are
 * committed. Authenticated by write key (not by session or token), hence a public endpoint for
 * the web security.
 */
@RestController
@PublicEndpoint
class CollectionController {

    private static final Map<String, Boolean> SUCCESS = Map.of("success", true);

    private final WriteKeyAuthentication writeKeys;
    private final CollectionCache cache;
    private final EventStore store;
    private final Clock clock;

    CollectionController(WriteKeyAuthentication writeKeys, CollectionCache cache, EventStore store, Clock clock) {
        this.writeKeys = writeKeys;
        this.cache = cache;
        this.store = store;
        this.clock = clock;
    }

    @PostMapping(
            path = "/v1/{type:track|identify|page|screen|group|alias}",
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Boolean> single(@PathVariable String type, HttpServletRequest request) throws IOException {
        var receivedAt = clock.instant();
        var body = read(request);
        var key = writeKeys.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION), body);
        var parser = new MessageParser(receivedAt);
        var event = parser.single(body, EventType.fromWire(type));
        reject(parser.problems());
        store.append(key.workspaceId(), List.of(event), cache.attribution(key)::of, receivedAt);
        return SUCCESS;
    }

    @PostMapping(
            path = {"/v1/batch", "/v1/import"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Boolean> batch(HttpServletRequest request) throws IOException {
        var receivedAt = clock.instant();
        var body = read(request);
        var key = writeKeys.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION), body);
        var parser = new MessageParser(receivedAt);
        var events = parser.batch(body);
        reject(parser.problems());
        store.append(key.workspaceId(), events, cache.attribution(key)::of, receivedAt);
        return SUCCESS;
    }

    private static JsonNode read(HttpServletRequest request) throws IOException {
        var bytes = request.getInputStream().readNBytes(CollectionLimits.MAX_REQUEST_BYTES + 1);
        if (bytes.length > CollectionLimits.MAX_REQUEST_BYTES) {
            throw CollectionRejected.badRequest("body", "collection.request.tooLarge");
        }
        if (bytes.length == 0) {
            throw CollectionRejected.badRequest("body", "collection.object");
        }
        try {
            var body = CollectionLimits.PARSER.readTree(bytes);
            if (body == null || !body.isObject()) {
                throw CollectionRejected.badRequest("body", "collection.object");
            }
            return body;
        } catch (JacksonException e) {
            throw CollectionRejected.badRequest("body", "collection.json");
        }
    }

    private static void reject(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new CollectionRejected(HttpStatus.BAD_REQUEST, problems);
        }
    }
}
