package org.opencxm.journeys.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerId;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.touchpoints.EventType;
import org.opencxm.touchpoints.feeds.StoredEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of {@code journey_event} as the intake and replays write it, with its small reads: each
 * track event once, under the customer it belongs to (an event seen twice is stored once). The
 * analyses over it are {@link JourneyAnalysisStore}'s.
 */
@Component
class JourneyEventStore {

    private final JdbcClient jdbc;

    JourneyEventStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the track events among these, each under its customer. A replay rewrites what was
     * known of an event (its customer and stage, after a merge or a rule change); live steps leave
     * an event seen twice as it was.
     */
    void append(WorkspaceId workspace, Collection<Owned> events, boolean replayed) {
        var tracked =
                events.stream().filter(o -> o.event().type() == EventType.TRACK).toList();
        if (tracked.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into journey_event (workspace_id, event_id, customer_id, name, touchpoint_id, occurred_at,
                                                   stage, signal, note)
                        select ?, e.* from unnest(?::uuid[], ?::uuid[], ?::text[], ?::uuid[], ?::timestamptz[], ?::text[],
                                                  ?::text[], ?::text[]) as e
                        on conflict (workspace_id, event_id) do"""
                        + (replayed
                                ? " update set customer_id = excluded.customer_id, stage = excluded.stage,"
                                        + " note = excluded.note"
                                : " nothing"))
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
                                .toArray(Timestamp[]::new),
                        tracked.stream().map(o -> o.stage().name()).toArray(String[]::new),
                        tracked.stream().map(JourneyEventStore::signal).toArray(String[]::new),
                        tracked.stream()
                                .map(o -> EventProperties.note(o.event()))
                                .toArray(String[]::new))
                .update();
    }

    private static @Nullable String signal(Owned owned) {
        var signal = EventProperties.signal(owned.event());
        return signal == null ? null : signal.name();
    }

    /** An event, the customer it belongs to and the stage they were in when it happened. */
    record Owned(CustomerId customer, StoredEvent event, LifecycleStage stage) {}

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

    /** How many events of one name happened in {@code [from, to)}: a range of the name index. */
    long occurrences(WorkspaceId workspace, String name, Instant from, Instant to) {
        return jdbc.sql("select count(*) from journey_event where workspace_id = ? and name = ?"
                        + " and occurred_at >= ? and occurred_at < ?")
                .params(workspace.value(), name, Timestamp.from(from), Timestamp.from(to))
                .query(Long.class)
                .single();
    }

    /** Complaints filed by the customer since {@code since}. */
    long complaints(WorkspaceId workspace, CustomerId customer, Instant since) {
        return jdbc.sql("select count(*) from journey_event where workspace_id = ? and customer_id = ?"
                        + " and signal = 'COMPLAINT' and occurred_at >= ?")
                .params(workspace.value(), customer.value(), Timestamp.from(since))
                .query(Long.class)
                .single();
    }
}
