package org.opencxm.journeys.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerId;
import org.opencxm.journeys.StageTransition;
import org.opencxm.journeys.TransitionCause;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.touchpoints.TouchpointId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of {@code journey_transition}: every stage a customer entered, written by steps and
 * replays, read by histories, the stage flow and funnels with stage steps.
 */
@Component
class TransitionStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    TransitionStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(template.getDataSource());
    }

    /** Appends the transitions of each customer, in one statement. */
    void appendTransitions(WorkspaceId workspace, Map<CustomerId, List<StageTransition>> made) {
        var customers = new java.util.ArrayList<UUID>();
        var transitions = new java.util.ArrayList<StageTransition>();
        made.forEach((customer, list) -> list.forEach(t -> {
            customers.add(customer.value());
            transitions.add(t);
        }));
        if (transitions.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into journey_transition (workspace_id, customer_id, from_stage, to_stage, occurred_at, cause,
                          event_name, event_id, touchpoint_id)
                        select ?, t.* from unnest(?::uuid[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[],
                          ?::uuid[], ?::uuid[]) as t""")
                .params(
                        workspace.value(),
                        customers.toArray(UUID[]::new),
                        transitions.stream()
                                .map(t -> t.from() == null ? null : t.from().name())
                                .toArray(String[]::new),
                        transitions.stream().map(t -> t.to().name()).toArray(String[]::new),
                        transitions.stream().map(t -> time(t.at())).toArray(Timestamp[]::new),
                        transitions.stream().map(t -> t.cause().name()).toArray(String[]::new),
                        transitions.stream().map(StageTransition::eventName).toArray(String[]::new),
                        transitions.stream().map(StageTransition::eventId).toArray(UUID[]::new),
                        transitions.stream()
                                .map(t -> t.touchpoint() == null
                                        ? null
                                        : t.touchpoint().value())
                                .toArray(UUID[]::new))
                .update();
    }

    /** Forgets the transitions of these customers, before a replay writes them anew. */
    void clearTransitions(WorkspaceId workspace, Collection<CustomerId> customers) {
        jdbc.sql("delete from journey_transition where workspace_id = ? and customer_id = any(?)")
                .params(workspace.value(), ids(customers))
                .update();
    }

    /** Every transition of these customers, oldest first. */
    Map<CustomerId, List<StageTransition>> histories(WorkspaceId workspace, Collection<CustomerId> customers) {
        var histories = new HashMap<CustomerId, List<StageTransition>>();
        jdbc.sql("select customer_id, from_stage, to_stage, occurred_at, cause, event_name, event_id, touchpoint_id"
                        + " from journey_transition where workspace_id = ? and customer_id = any(?)"
                        + " order by customer_id, occurred_at, id")
                .params(workspace.value(), ids(customers))
                .query((rs, n) -> histories
                        .computeIfAbsent(new CustomerId(rs.getObject(1, UUID.class)), c -> new java.util.ArrayList<>())
                        .add(transition(rs)))
                .list();
        return histories;
    }

    /** Transitions in {@code [from, to)} per pair of stages, most frequent first. */
    List<StageFlow.Move> flows(WorkspaceId workspace, Instant from, Instant to) {
        return jdbc.sql("select from_stage, to_stage, count(*) from journey_transition"
                        + " where workspace_id = ? and occurred_at >= ? and occurred_at < ?"
                        + " group by from_stage, to_stage order by count(*) desc")
                .params(workspace.value(), Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new StageFlow.Move(
                        rs.getString(1) == null ? null : LifecycleStage.valueOf(rs.getString(1)),
                        LifecycleStage.valueOf(rs.getString(2)),
                        rs.getLong(3)))
                .list();
    }

    /** A stage entered, as a replay of every customer's stages over time reads it. */
    interface Entered {
        void accept(CustomerId customer, LifecycleStage stage, Instant at);
    }

    /**
     * Every transition before {@code to}, customer by customer and oldest first, one at a time:
     * memory holds one customer's transitions, however many customers there are.
     */
    void transitionsUntil(WorkspaceId workspace, Instant to, Entered consumer) {
        streaming.query(
                connection -> {
                    var statement = connection.prepareStatement("select customer_id, to_stage, occurred_at"
                            + " from journey_transition where workspace_id = ? and occurred_at < ?"
                            + " order by customer_id, occurred_at, id");
                    statement.setFetchSize(5000);
                    statement.setObject(1, workspace.value());
                    statement.setTimestamp(2, Timestamp.from(to));
                    return statement;
                },
                rs -> {
                    consumer.accept(
                            new CustomerId(rs.getObject(1, UUID.class)),
                            LifecycleStage.valueOf(rs.getString(2)),
                            rs.getTimestamp(3).toInstant());
                });
    }

    private static StageTransition transition(ResultSet rs) throws SQLException {
        return new StageTransition(
                rs.getString("from_stage") == null ? null : LifecycleStage.valueOf(rs.getString("from_stage")),
                LifecycleStage.valueOf(rs.getString("to_stage")),
                rs.getTimestamp("occurred_at").toInstant(),
                TransitionCause.valueOf(rs.getString("cause")),
                rs.getString("event_name"),
                rs.getObject("event_id", UUID.class),
                rs.getObject("touchpoint_id") == null
                        ? null
                        : new TouchpointId(rs.getObject("touchpoint_id", UUID.class)));
    }

    /** Forgets a customer's transitions (a profile merged into another). */
    void forget(WorkspaceId workspace, CustomerId customer) {
        jdbc.sql("delete from journey_transition where workspace_id = ? and customer_id = ?")
                .params(workspace.value(), customer.value())
                .update();
    }

    private static UUID[] ids(Collection<CustomerId> customers) {
        return customers.stream().map(CustomerId::value).distinct().toArray(UUID[]::new);
    }

    private static @Nullable Timestamp time(@Nullable Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
