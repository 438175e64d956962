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
 * touchpoint, and store the valid ones together. A message that cannot be stored goes to the
 * quarantine with its reasons instead of taking its valid neighbours down with it: tracking
 * libraries never retry a 4xx. The same path takes messages from inside OpenCXM (history from
 * another system, the demo), which are stored all or nothing.
 */
@Service
public class Collector {

    private final WriteKeyAuthentication writeKeys;
    private final CollectionCache cache;
    private final EventStore store;
    private final TouchpointResolver touchpoints;
    private final RejectionStore quarantine;
    private final GroupCommit groups;
    private final Clock clock;

    Collector(
            WriteKeyAuthentication writeKeys,
            CollectionCache cache,
            EventStore store,
            TouchpointResolver touchpoints,
            RejectionStore quarantine,
            GroupCommit groups,
            Clock clock) {
        this.writeKeys = writeKeys;
        this.cache = cache;
        this.store = store;
        this.touchpoints = touchpoints;
        this.quarantine = quarantine;
        this.groups = groups;
        this.clock = clock;
    }

    /**
     * A request of hundreds of thousands of invalid messages must not become as many rows or
     * as long an answer: the first ones say enough.
     */
    static final int MAX_REPORTED = 100;

    /**
     * What became of a request's messages.
     *
     * @param accepted how many were valid; each is stored once (a retried or repeated message id
     *     is not stored again)
     * @param rejectedTotal how many were not
     * @param rejected the first {@value #MAX_REPORTED} of those, which went to the quarantine
     */
    public record Receipt(int accepted, int rejectedTotal, List<Refusal> rejected) {}

    /** A message that went to the quarantine: its position in the batch, its id if it had one, and why. */
    public record Refusal(int index, @Nullable String messageId, List<FieldProblem> problems) {

        static Refusal of(MessageParser.Rejected rejected) {
            var id = rejected.message().path("messageId");
            return new Refusal(rejected.index(), id.isString() ? id.asString() : null, rejected.problems());
        }
    }

    /**
     * Stores a request's valid messages and quarantines the others.
     *
     * @param type the message type a single-message endpoint names; {@code null} for a batch
     * @param endpoint the path the request came to, for the debugger
     * @throws CollectionRejected for a request that is wrong as a whole (key, JSON, size, no
     *     batch), and when none of its messages can be stored
     */
    public Receipt receive(
            @Nullable EventType type,
            @Nullable String authorization,
            byte[] body,
            Instant receivedAt,
            String endpoint) {
        var read = MessageReader.read(body);
        var key = writeKeys.authenticate(authorization, read.json());
        var parser = new MessageParser(receivedAt);
        var events = type == null
                ? parser.batch(read.json(), read.sizes())
                : singleton(parser.single(read.json(), type, body.length));
        var rejected = parser.rejected().subList(0, Math.min(parser.rejected().size(), MAX_REPORTED));
        if (events.isEmpty()) {
            quarantine.keep(key.workspaceId(), key.id(), endpoint, receivedAt, rejected);
            throw new CollectionRejected(
                    HttpStatus.BAD_REQUEST,
                    parser.problems().subList(0, Math.min(parser.problems().size(), MAX_REPORTED)));
        }
        groups.append(key.workspaceId(), events, cache.attribution(key)::of, receivedAt, Sender.of(key));
        quarantine.keep(key.workspaceId(), key.id(), endpoint, receivedAt, rejected);
        return new Receipt(
                events.size(),
                parser.rejected().size(),
                rejected.stream().map(Refusal::of).toList());
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
