package org.opencxm.touchpoints.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.touchpoints.EventType;
import org.opencxm.touchpoints.TouchpointId;
import org.opencxm.touchpoints.feeds.StoredEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of {@code event_batch}, the durable queue between stored events and the lifecycle,
 * and the reads of the events it names.
 */
@Component
public class EventBatchStore {

    private static final String EVENT_COLUMNS = """
            id, type, name, user_id, anonymous_id, touchpoint_id, occurred_at,
            case when type = 'track' then properties::text end as properties,
            (user_id is not null or (type = 'identify' and traits->>'email' is not null)) as identified""";

    /** A queued batch: the arrival times its events carry. */
    public record Batch(WorkspaceId workspace, long id, Timestamp[] receivedAt) {}

    private final JdbcClient jdbc;

    EventBatchStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In the caller's transaction, after the identity observations of the same events. */
    void append(WorkspaceId workspace, Collection<Instant> receivedAt) {
        if (receivedAt.isEmpty()) {
            return;
        }
        jdbc.sql("insert into event_batch (workspace_id, received_at) values (?, ?)")
                .params(
                        workspace.value(),
                        receivedAt.stream().distinct().map(Timestamp::from).toArray(Timestamp[]::new))
                .update();
    }

    /**
     * The oldest batches of one workspace that nobody else holds and whose identities are resolved:
     * every observation stored with or before a batch has a smaller number from the same sequence,
     * so a batch below the workspace's oldest observation still queued has nothing left to wait
     * for. One workspace per take, so that a consumer locks one workspace at a time. Batches that
     * failed three times are set aside.
     */
    public List<Batch> take(int limit) {
        return jdbc.sql("""
                        with ready as (
                          select b.workspace_id, b.id from event_batch b
                          where b.attempts < 3
                            and b.id < coalesce((select min(o.id) from identity_observation o
                                                 where o.workspace_id = b.workspace_id), 9223372036854775807)
                          order by b.id limit 1 for update skip locked
                        )
                        select b.workspace_id, b.id, b.received_at from event_batch b, ready
                        where b.workspace_id = ready.workspace_id and b.attempts < 3
                          and b.id < coalesce((select min(o.id) from identity_observation o
                                               where o.workspace_id = b.workspace_id), 9223372036854775807)
                        order by b.id limit ? for update of b skip locked""")
                .param(limit)
                .query((rs, n) -> new Batch(new WorkspaceId(rs.getObject(1, UUID.class)), rs.getLong(2), (Timestamp[])
                        rs.getArray(3).getArray()))
                .list();
    }

    /** The events of these batches that a lifecycle can follow, oldest first. */
    public List<StoredEvent> events(WorkspaceId workspace, List<Batch> batches) {
        var arrivals = batches.stream()
                .flatMap(batch -> java.util.Arrays.stream(batch.receivedAt()))
                .distinct()
                .toArray(Timestamp[]::new);
        return jdbc.sql("select " + EVENT_COLUMNS + " from event where workspace_id = ? and received_at = any(?)"
                        + " and type in ('track', 'identify', 'page', 'screen') order by occurred_at, id")
                .params(workspace.value(), arrivals)
                .query(EventBatchStore::event)
                .list();
    }

    /** Track and identify events under any of the ids, oldest first. */
    public List<StoredEvent> history(
            WorkspaceId workspace, Collection<String> userIds, Collection<String> anonymousIds) {
        return jdbc.sql("select * from ("
                        + "(select " + EVENT_COLUMNS + " from event where workspace_id = ? and user_id = any(?)"
                        + " and type in ('track', 'identify'))"
                        + " union "
                        + "(select " + EVENT_COLUMNS + " from event where workspace_id = ? and anonymous_id = any(?)"
                        + " and type in ('track', 'identify'))"
                        + ") e order by occurred_at, id")
                .params(
                        workspace.value(),
                        userIds.toArray(String[]::new),
                        workspace.value(),
                        anonymousIds.toArray(String[]::new))
                .query(EventBatchStore::event)
                .list();
    }

    /** Counts a failed attempt on these batches (in a transaction of its own, after the failure). */
    public void failed(List<Batch> batches) {
        jdbc.sql("update event_batch set attempts = attempts + 1 where id = any(?)")
                .param(batches.stream().map(Batch::id).toArray(Long[]::new))
                .update();
    }

    public void remove(List<Batch> batches) {
        jdbc.sql("delete from event_batch where id = any(?)")
                .param(batches.stream().map(Batch::id).toArray(Long[]::new))
                .update();
    }

    private static StoredEvent event(ResultSet rs, int row) throws SQLException {
        return new StoredEvent(
                rs.getObject("id", UUID.class),
                EventType.fromWire(rs.getString("type")),
                rs.getString("name"),
                rs.getString("user_id"),
                rs.getString("anonymous_id"),
                new TouchpointId(rs.getObject("touchpoint_id", UUID.class)),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("properties"),
                rs.getBoolean("identified"));
    }
}
