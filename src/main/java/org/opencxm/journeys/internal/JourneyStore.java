package org.opencxm.journeys.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerId;
import org.opencxm.journeys.StageTransition;
import org.opencxm.journeys.TransitionCause;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.platform.UserId;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.touchpoints.TouchpointId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL of {@code journey_rules}, {@code journey_state} and {@code journey_transition}: the
 * rules, what the lifecycle remembers per customer, and every transition. Callers hold the
 * transaction.
 */
@Component
public class JourneyStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String STATE_COLUMNS = "customer_id, stage, since, purchases, first_purchase_at,"
            + " last_purchase_at, revenue, last_event_at, inactive_at, last_score_type, last_score, last_score_at,"
            + " first_touchpoint_id, rules_version";

    /** The rules as stored: everything but the version. */
    private record StoredRules(List<StageRule> rules, InactivityWindow inactivity) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    JourneyStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(template.getDataSource());
    }

    /** Serializes the writers of a workspace's lifecycles until the transaction ends. */
    void lock(WorkspaceId workspace) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param("journeys:" + workspace)
                .query()
                .singleRow();
    }

    Optional<JourneyRules> rules(WorkspaceId workspace) {
        return jdbc.sql("select version, rules::text from journey_rules where workspace_id = ?")
                .param(workspace.value())
                .query((rs, n) -> {
                    var stored = JSON.readValue(rs.getString(2), StoredRules.class);
                    return new JourneyRules(rs.getInt(1), stored.rules(), stored.inactivity());
                })
                .optional();
    }

    /** Saves the rules if the stored version is still the one before them; returns whether it was. */
    boolean saveRules(WorkspaceId workspace, JourneyRules rules, Instant at, @Nullable UserId by) {
        var json = JSON.writeValueAsString(new StoredRules(rules.rules(), rules.inactivity()));
        return jdbc.sql("""
                        insert into journey_rules (workspace_id, version, rules, updated_at, updated_by)
                        values (?, ?, ?::jsonb, ?, ?)
                        on conflict (workspace_id) do update
                          set version = excluded.version, rules = excluded.rules, updated_at = excluded.updated_at,
                              updated_by = excluded.updated_by
                          where journey_rules.version = excluded.version - 1""")
                        .params(
                                workspace.value(),
                                rules.version(),
                                json,
                                Timestamp.from(at),
                                by == null ? null : by.value())
                        .update()
                == 1;
    }

    Map<CustomerId, LifecycleState> states(WorkspaceId workspace, Collection<CustomerId> customers) {
        var states = new HashMap<CustomerId, LifecycleState>();
        if (customers.isEmpty()) {
            return states;
        }
        jdbc.sql("select " + STATE_COLUMNS + " from journey_state where workspace_id = ? and customer_id = any(?)")
                .params(workspace.value(), ids(customers))
                .query(JourneyStore::state)
                .list()
                .forEach(state -> states.put(state.customer(), state));
        return states;
    }

    Optional<LifecycleState> state(WorkspaceId workspace, CustomerId customer) {
        return jdbc.sql("select " + STATE_COLUMNS + " from journey_state where workspace_id = ? and customer_id = ?")
                .params(workspace.value(), customer.value())
                .query(JourneyStore::state)
                .optional();
    }

    /** Inserts or replaces the states, in one statement. */
    void saveStates(WorkspaceId workspace, Collection<LifecycleState> states) {
        if (states.isEmpty()) {
            return;
        }
        var list = List.copyOf(states);
        jdbc.sql("""
                        insert into journey_state (workspace_id, customer_id, stage, since, purchases, first_purchase_at,
                          last_purchase_at, revenue, last_event_at, inactive_at, last_score_type, last_score,
                          last_score_at, first_touchpoint_id, rules_version)
                        select ?, s.* from unnest(?::uuid[], ?::text[], ?::timestamptz[], ?::int[], ?::timestamptz[],
                          ?::timestamptz[], ?::numeric[], ?::timestamptz[], ?::timestamptz[], ?::text[], ?::int[],
                          ?::timestamptz[], ?::uuid[], ?::int[]) as s
                        on conflict (workspace_id, customer_id) do update set
                          stage = excluded.stage, since = excluded.since, purchases = excluded.purchases,
                          first_purchase_at = excluded.first_purchase_at, last_purchase_at = excluded.last_purchase_at,
                          revenue = excluded.revenue, last_event_at = excluded.last_event_at,
                          inactive_at = excluded.inactive_at, last_score_type = excluded.last_score_type,
                          last_score = excluded.last_score, last_score_at = excluded.last_score_at,
                          first_touchpoint_id = coalesce(journey_state.first_touchpoint_id, excluded.first_touchpoint_id),
                          rules_version = excluded.rules_version""")
                .params(
                        workspace.value(),
                        list.stream().map(s -> s.customer().value()).toArray(UUID[]::new),
                        list.stream().map(s -> s.stage().name()).toArray(String[]::new),
                        list.stream().map(s -> time(s.since())).toArray(Timestamp[]::new),
                        list.stream().map(LifecycleState::purchases).toArray(Integer[]::new),
                        list.stream().map(s -> time(s.firstPurchaseAt())).toArray(Timestamp[]::new),
                        list.stream().map(s -> time(s.lastPurchaseAt())).toArray(Timestamp[]::new),
                        list.stream().map(LifecycleState::revenue).toArray(BigDecimal[]::new),
                        list.stream().map(s -> time(s.lastEventAt())).toArray(Timestamp[]::new),
                        list.stream().map(s -> time(s.inactiveAt())).toArray(Timestamp[]::new),
                        list.stream()
                                .map(s -> s.lastScore() == null
                                        ? null
                                        : s.lastScore().type())
                                .toArray(String[]::new),
                        list.stream()
                                .map(s -> s.lastScore() == null
                                        ? null
                                        : s.lastScore().value())
                                .toArray(Integer[]::new),
                        list.stream()
                                .map(s -> s.lastScore() == null
                                        ? null
                                        : time(s.lastScore().at()))
                                .toArray(Timestamp[]::new),
                        list.stream()
                                .map(s -> s.firstTouchpoint() == null
                                        ? null
                                        : s.firstTouchpoint().value())
                                .toArray(UUID[]::new),
                        list.stream().map(LifecycleState::rulesVersion).toArray(Integer[]::new))
                .update();
    }

    void deleteState(WorkspaceId workspace, CustomerId customer) {
        jdbc.sql("delete from journey_transition where workspace_id = ? and customer_id = ?")
                .params(workspace.value(), customer.value())
                .update();
        jdbc.sql("delete from journey_state where workspace_id = ? and customer_id = ?")
                .params(workspace.value(), customer.value())
                .update();
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

    /** Customers per current stage. */
    Map<LifecycleStage, Long> distribution(WorkspaceId workspace) {
        var counts = new EnumMap<LifecycleStage, Long>(LifecycleStage.class);
        jdbc.sql("select stage, count(*) from journey_state where workspace_id = ? group by stage")
                .param(workspace.value())
                .query((rs, n) -> counts.put(LifecycleStage.valueOf(rs.getString(1)), rs.getLong(2)))
                .list();
        return counts;
    }

    /** Workspaces with customers whose inactivity window ran out by {@code now}. */
    List<WorkspaceId> workspacesWithDue(Instant now) {
        return jdbc.sql("select distinct workspace_id from journey_state where inactive_at <= ?")
                .param(Timestamp.from(now))
                .query((rs, n) -> new WorkspaceId(rs.getObject(1, UUID.class)))
                .list();
    }

    /** Customers of the workspace whose window ran out by {@code now}, earliest first. */
    List<LifecycleState> due(WorkspaceId workspace, Instant now, int limit) {
        return jdbc.sql("select " + STATE_COLUMNS + " from journey_state where inactive_at <= ? and workspace_id = ?"
                        + " order by inactive_at limit ?")
                .params(Timestamp.from(now), workspace.value(), limit)
                .query(JourneyStore::state)
                .list();
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

    private static LifecycleState state(ResultSet rs, int row) throws SQLException {
        var scoreType = rs.getString("last_score_type");
        return LifecycleState.stored(
                new CustomerId(rs.getObject("customer_id", UUID.class)),
                LifecycleStage.valueOf(rs.getString("stage")),
                rs.getTimestamp("since").toInstant(),
                rs.getInt("purchases"),
                instant(rs.getTimestamp("first_purchase_at")),
                instant(rs.getTimestamp("last_purchase_at")),
                rs.getBigDecimal("revenue"),
                rs.getTimestamp("last_event_at").toInstant(),
                instant(rs.getTimestamp("inactive_at")),
                scoreType == null
                        ? null
                        : new LifecycleState.Score(
                                scoreType,
                                rs.getInt("last_score"),
                                rs.getTimestamp("last_score_at").toInstant()),
                rs.getObject("first_touchpoint_id") == null
                        ? null
                        : new TouchpointId(rs.getObject("first_touchpoint_id", UUID.class)),
                rs.getInt("rules_version"));
    }

    private static UUID[] ids(Collection<CustomerId> customers) {
        return customers.stream().map(CustomerId::value).distinct().toArray(UUID[]::new);
    }

    private static @Nullable Timestamp time(@Nullable Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static @Nullable Instant instant(@Nullable Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
