package org.opencxm.touchpoints;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.touchpoints.internal.CollectedEvent;
import org.opencxm.touchpoints.internal.Collector;
import org.opencxm.touchpoints.internal.EventStore;
import org.opencxm.touchpoints.internal.Sender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What customers did: timelines under any of a customer's ids, events of one name for schedules
 * that follow them, and events recorded from inside OpenCXM.
 */
@Service
public class Interactions {

    /** Later than any event: a timeline without a position starts here. */
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    private final EventStore store;
    private final Collector collector;

    Interactions(EventStore store, Collector collector) {
        this.store = store;
        this.collector = collector;
    }

    /**
     * Track events of one name after position ({@code after}, {@code afterId}) in receive order
     * and received until {@code until}, oldest first. A reader that remembers the position of the
     * last event it saw misses nothing as long as {@code until} lags behind commits in flight.
     */
    @Transactional(readOnly = true)
    public List<NamedEvent> named(
            WorkspaceId workspace, String name, Instant after, UUID afterId, Instant until, int limit) {
        return store.named(workspace, name, after, afterId, until, limit);
    }

    /**
     * Records something OpenCXM itself observed (a survey response, say) as a track event, so it
     * appears on the timeline of whoever carries the user or anonymous id. Joins the caller's
     * transaction; a repeated message id records nothing.
     *
     * @param properties JSON text of the event's properties
     */
    @Transactional
    public void record(
            WorkspaceId workspace,
            String messageId,
            @Nullable String userId,
            @Nullable String anonymousId,
            String name,
            TouchpointId touchpoint,
            Instant occurredAt,
            String properties) {
        var event = CollectedEvent.track(messageId, name, userId, anonymousId, null, occurredAt, properties, null);
        store.append(workspace, List.of(event), e -> touchpoint.value(), occurredAt, Sender.OPENCXM);
    }

    /**
     * Stores messages in the collection API's format (the body of {@code /v1/batch}: {@code
     * {"batch": [...]}}) for the workspace, validated and de-duplicated exactly as if a client
     * had sent them; for history from other systems, say. All or nothing.
     *
     * @return how many messages were new
     * @throws InvalidInputException naming each invalid message's fields, e.g. {@code batch[3].userId}
     */
    @Transactional
    public int collect(WorkspaceId workspace, String batch) {
        return collector.collect(workspace, batch);
    }

    /**
     * One page of a timeline, newest first.
     *
     * @param before with {@code beforeId}, the last entry of the previous page: only events after
     *     it in timeline order (older, or as old with a smaller id) are returned
     * @param beforeId the id of that entry; without it, only events strictly older than {@code before}
     */
    @Transactional(readOnly = true)
    public List<Interaction> timeline(
            WorkspaceId workspace,
            Collection<String> userIds,
            Collection<String> anonymousIds,
            @Nullable Instant before,
            @Nullable UUID beforeId,
            int limit) {
        if (userIds.isEmpty() && anonymousIds.isEmpty()) {
            return List.of();
        }
        return store.timeline(
                workspace,
                userIds,
                anonymousIds,
                before == null ? END_OF_TIME : before,
                beforeId == null ? new UUID(0, 0) : beforeId,
                limit);
    }
}
