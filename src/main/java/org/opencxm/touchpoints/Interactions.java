package org.opencxm.touchpoints;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads stored events for timelines: everything done under any of a customer's ids, newest first. */
@Service
public class Interactions {

    private final JdbcClient jdbc;
    private final EventStore store;

    Interactions(JdbcClient jdbc, EventStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /**
     * Track events of one name after position ({@code after}, {@code afterId}) in receive order
     * and received until {@code until}, oldest first. A reader that remembers the position of the
     * last event it saw misses nothing as long as {@code until} lags behind commits in flight.
     */
    @Transactional(readOnly = true)
    public List<NamedEvent> named(
            WorkspaceId workspace, String name, Instant after, UUID afterId, Instant until, int limit) {
        return jdbc.sql("select id, user_id, anonymous_id, occurred_at, received_at from event"
                        + " where workspace_id = ? and (received_at, id) > (?, ?) and received_at <= ?"
                        + " and type = 'track' and name = ? order by received_at, id limit ?")
                .params(workspace.value(), Timestamp.from(after), afterId, Timestamp.from(until), name, limit)
                .query((rs, n) -> new NamedEvent(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant()))
                .list();
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
        var event = new CollectedEvent(
                messageId,
                EventType.TRACK,
                name,
                anonymousId,
                userId,
                null,
                null,
                null,
                occurredAt,
                null,
                properties,
                null,
                null);
        store.append(workspace, List.of(event), e -> touchpoint.value(), occurredAt);
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
        var until = Timestamp.from(before == null ? Instant.parse("9999-12-31T00:00:00Z") : before);
        var untilId = beforeId == null ? new UUID(0, 0) : beforeId;
        return jdbc.sql("""
                        select e.id, e.type, e.name, t.name as touchpoint, t.channel, e.occurred_at,
                               coalesce(e.properties, e.traits)::text as properties
                        from (
                          (select * from event where workspace_id = ? and user_id = any(?) and (occurred_at, id) < (?, ?)
                           order by occurred_at desc, id desc limit ?)
                          union
                          (select * from event where workspace_id = ? and anonymous_id = any(?) and (occurred_at, id) < (?, ?)
                           order by occurred_at desc, id desc limit ?)
                        ) e
                        join touchpoint t on t.workspace_id = e.workspace_id and t.id = e.touchpoint_id
                        order by e.occurred_at desc, e.id desc
                        limit ?""")
                .params(
                        workspace.value(),
                        userIds.toArray(String[]::new),
                        until,
                        untilId,
                        limit,
                        workspace.value(),
                        anonymousIds.toArray(String[]::new),
                        until,
                        untilId,
                        limit,
                        limit)
                .query((rs, row) -> new Interaction(
                        rs.getObject("id", UUID.class),
                        EventType.fromWire(rs.getString("type")),
                        rs.getString("name"),
                        rs.getString("touchpoint"),
                        Channel.valueOf(rs.getString("channel")),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("properties")))
                .list();
    }
}
