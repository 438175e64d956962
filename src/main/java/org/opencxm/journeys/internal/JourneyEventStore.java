package org.opencxm.journeys.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerId;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.touchpoints.EventType;
import org.opencxm.touchpoints.TouchpointId;
import org.opencxm.touchpoints.feeds.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of {@code journey_event}: each track event once, under the customer it belongs to, for
 * funnels and paths. Appending is idempotent (an event seen twice is stored once).
 */
@Component
class JourneyEventStore {

    /**
     * One step of a customer's sequence as funnels read it.
     *
     * @param touchpoint where it happened; {@code null} for a stage entered by the sweep
     * @param stage the customer's current stage
     * @param firstTouchpoint where the customer was first met
     */
    record Step(
            CustomerId customer,
            String name,
            Instant at,
            @Nullable TouchpointId touchpoint,
            @Nullable LifecycleStage stage,
            @Nullable TouchpointId firstTouchpoint) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    JourneyEventStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(template.getDataSource());
        // a fetch size makes PostgreSQL hand rows through a cursor instead of all at once
        this.streaming.setFetchSize(5000);
    }

    /** Records the track events among these, each under its customer. */
    void append(WorkspaceId workspace, Collection<Owned> events) {
        var tracked =
                events.stream().filter(o -> o.event().type() == EventType.TRACK).toList();
        if (tracked.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into journey_event (workspace_id, event_id, customer_id, name, touchpoint_id, occurred_at)
                        select ?, e.* from unnest(?::uuid[], ?::uuid[], ?::text[], ?::uuid[], ?::timestamptz[]) as e
                        on conflict do nothing""")
                .params(
                        workspace.value(),
                        tracked.stream().map(o -> o.event().id()).toArray(UUID[]::new),
                        tracked.stream().map(o -> o.customer().value()).toArray(UUID[]::new),
                        tracked.stream().map(o -> o.event().name()).toArray(String[]::new),
                        tracked.stream()
                                .map(o -> o.event().touchpoint().value())
                                .toArray(UUID[]::new),
                        tracked.stream()
                                .map(o -> Timestamp.from(o.event().occurredAt()))
                                .toArray(Timestamp[]::new))
                .update();
    }

    /** An event and the customer it belongs to. */
    record Owned(CustomerId customer, StoredEvent event) {}

    /**
     * The distinct event names of the workspace, alphabetically: a skip scan down the name index,
     * one probe per name, however many events there are.
     */
    List<String> names(WorkspaceId workspace, int limit) {
        return jdbc.sql("""
                        with recursive names(name) as (
                          (select name from journey_event where workspace_id = ? order by name limit 1)
                          union all
                          select (select e.name from journey_event e where e.workspace_id = ? and e.name > n.name
                                  order by e.name limit 1)
                          from names n where n.name is not null
                        )
                        select name from names where name is not null limit ?""")
                .params(workspace.value(), workspace.value(), limit)
                .query(String.class)
                .list();
    }

    /** The merged profile's events now belong to the survivor. */
    void reassign(WorkspaceId workspace, CustomerId merged, CustomerId survivor) {
        jdbc.sql("update journey_event set customer_id = ? where workspace_id = ? and customer_id = ?")
                .params(survivor.value(), workspace.value(), merged.value())
                .update();
    }

    /**
     * Every step of these names in {@code [from, until)}, customer by customer and in time order,
     * handed to the consumer one at a time (never all in memory), each with the customer's current
     * stage and first touchpoint for breakdowns. A step named {@code stage:REPEAT} is the moment the
     * customer entered that stage; {@code allNames} reads every event (for strict funnels, where
     * nothing may come between two steps).
     */
    void sequences(
            WorkspaceId workspace,
            List<String> names,
            boolean allNames,
            Instant from,
            Instant until,
            Consumer<Step> consumer) {
        var sql = """
                select s.customer_id, s.name, s.occurred_at, s.touchpoint_id, j.stage, j.first_touchpoint_id from (
                  select customer_id, name, occurred_at, touchpoint_id, event_id from journey_event
                  where workspace_id = ? and occurred_at >= ? and occurred_at < ? and (? or name = any(?))
                  union all
                  select customer_id, 'stage:' || to_stage, occurred_at, touchpoint_id, null from journey_transition
                  where workspace_id = ? and occurred_at >= ? and occurred_at < ? and ('stage:' || to_stage) = any(?)
                ) s
                left join journey_state j on j.workspace_id = ? and j.customer_id = s.customer_id
                order by s.customer_id, s.occurred_at, s.event_id nulls last""";
        streaming.query(
                connection -> {
                    var statement = connection.prepareStatement(sql);
                    statement.setFetchSize(5000);
                    var list = connection.createArrayOf("text", names.toArray(String[]::new));
                    statement.setObject(1, workspace.value());
                    statement.setTimestamp(2, Timestamp.from(from));
                    statement.setTimestamp(3, Timestamp.from(until));
                    statement.setBoolean(4, allNames);
                    statement.setArray(5, list);
                    statement.setObject(6, workspace.value());
                    statement.setTimestamp(7, Timestamp.from(from));
                    statement.setTimestamp(8, Timestamp.from(until));
                    statement.setArray(9, list);
                    statement.setObject(10, workspace.value());
                    return statement;
                },
                rs -> {
                    var touchpoint = rs.getObject(4, UUID.class);
                    var first = rs.getObject(6, UUID.class);
                    consumer.accept(new Step(
                            new CustomerId(rs.getObject(1, UUID.class)),
                            rs.getString(2),
                            rs.getTimestamp(3).toInstant(),
                            touchpoint == null ? null : new TouchpointId(touchpoint),
                            rs.getString(5) == null ? null : LifecycleStage.valueOf(rs.getString(5)),
                            first == null ? null : new TouchpointId(first)));
                });
    }
}
