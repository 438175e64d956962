package org.opencxm.touchpoints.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.touchpoints.EventType;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * What the collection API does with a request, once its body is read: find the write key,
 * validate every message (all problems at once, with their paths), attribute each to a
 * touchpoint, and store the batch as a whole. The same path takes messages from inside
 * OpenCXM (history from another system, the demo), so they obey the same contract.
 */
@Service
public class Collector {

    private final WriteKeyAuthentication writeKeys;
    private final CollectionCache cache;
    private final EventStore store;
    private final TouchpointResolver touchpoints;
    private final Clock clock;

    Collector(
            WriteKeyAuthentication writeKeys,
            CollectionCache cache,
            EventStore store,
            TouchpointResolver touchpoints,
            Clock clock) {
        this.writeKeys = writeKeys;
        this.cache = cache;
        this.store = store;
        this.touchpoints = touchpoints;
        this.clock = clock;
    }

    /**
     * Stores one request's messages, or none of them.
     *
     * @param type the message type a single-message endpoint names; {@code null} for a batch
     * @throws CollectionRejected naming what is wrong where
     */
    public void receive(@Nullable EventType type, @Nullable String authorization, byte[] body, Instant receivedAt) {
        var read = MessageReader.read(body);
        var key = writeKeys.authenticate(authorization, read.json());
        var parser = new MessageParser(receivedAt);
        var events = type == null
                ? parser.batch(read.json(), read.sizes())
                : singleton(parser.single(read.json(), type, body.length));
        if (!parser.problems().isEmpty()) {
            throw new CollectionRejected(HttpStatus.BAD_REQUEST, parser.problems());
        }
        store.append(key.workspaceId(), events, cache.attribution(key)::of, receivedAt, Sender.of(key));
    }

    /**
     * Stores the messages of a {@code /v1/batch} body for the workspace, as if a client with a
     * write key of its own had sent them. Touchpoints are looked up afresh, not from the cache,
     * so that touchpoints created just before count at once.
     *
     * @return how many were new
     * @throws InvalidInputException naming each invalid message's fields
     */
    public int collect(WorkspaceId workspace, String batch) {
        var receivedAt = clock.instant();
        var parser = new MessageParser(receivedAt);
        List<CollectedEvent> events;
        try {
            var read = MessageReader.read(batch.getBytes(StandardCharsets.UTF_8));
            events = parser.batch(read.json(), read.sizes());
        } catch (CollectionRejected e) {
            throw invalid(e.problems());
        }
        if (!parser.problems().isEmpty()) {
            throw invalid(parser.problems());
        }
        return store.append(
                workspace, events, touchpoints.forWorkspace(workspace, null)::of, receivedAt, Sender.OPENCXM);
    }

    private static InvalidInputException invalid(List<FieldProblem> problems) {
        return new InvalidInputException(problems.stream()
                .map(p -> new InvalidInputException.Problem(p.field(), p.messageKey()))
                .toList());
    }

    private static List<CollectedEvent> singleton(@Nullable CollectedEvent event) {
        return event == null ? List.of() : List.of(event);
    }
}
