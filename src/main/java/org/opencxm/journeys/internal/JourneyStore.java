package org.opencxm.journeys.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerId;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.touchpoints.TouchpointId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL of {@code journey_state}: what the lifecycle remembers per customer between events,
 * and the lock that serializes a workspace's lifecycle writers. Callers hold the transaction.
 */
@Component
public class JourneyStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String STATE_COLUMNS = "customer_id, stage, since, purchases, first_purchase_at,"
            + " last_purchase_at, revenue, last_event_at, inactive_at, last_score_type, last_score, last_score_at,"
            + " first_touchpoint_id, rules_version";

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
        jdbc.sql("delete from journey_state where workspace_id = ? and customer_id = ?")
                .params(workspace.value(), customer.value())
                .update();
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

    /**
     * The retention triangle: customers by the month of their first purchase (in {@code zone}) from
     * {@code firstMonth} on, and per month since then how many bought; purchases are events of
     * these names.
     */
    Map<YearMonth, long[]> cohorts(
            WorkspaceId workspace, List<String> purchases, YearMonth firstMonth, int months, ZoneId zone) {
        var start = firstMonth.atDay(1).atStartOfDay(zone).toInstant();
        // a purchase dated in the future (a client's clock) starts no cohort yet
        var end = firstMonth.plusMonths(months).atDay(1).atStartOfDay(zone).toInstant();
        var result = new java.util.TreeMap<YearMonth, long[]>();
        jdbc.sql("""
                        select to_char(first_purchase_at at time zone ?, 'YYYY-MM'), count(*) from journey_state
                        where workspace_id = ? and first_purchase_at >= ? and first_purchase_at < ? group by 1""")
                .params(zone.getId(), workspace.value(), Timestamp.from(start), Timestamp.from(end))
                .query((rs, n) -> {
                    var counts = new long[months + 1];
                    counts[0] = rs.getLong(2);
                    return result.put(YearMonth.parse(rs.getString(1)), counts);
                })
                .list();
        jdbc.sql("""
                        with cohort as (
                          select customer_id, date_trunc('month', first_purchase_at at time zone ?) as m from journey_state
                          where workspace_id = ? and first_purchase_at >= ? and first_purchase_at < ?
                        ),
                        bought as (
                          select distinct customer_id, date_trunc('month', occurred_at at time zone ?) as m from journey_event
                          where workspace_id = ? and name = any(?) and occurred_at >= ?
                        )
                        select to_char(c.m, 'YYYY-MM'),
                               ((extract(year from b.m) - extract(year from c.m)) * 12
                                 + extract(month from b.m) - extract(month from c.m))::int as since,
                               count(*)
                        from cohort c join bought b on b.customer_id = c.customer_id and b.m >= c.m
                        group by 1, 2""")
                .params(
                        zone.getId(),
                        workspace.value(),
                        Timestamp.from(start),
                        Timestamp.from(end),
                        zone.getId(),
                        workspace.value(),
                        purchases.toArray(String[]::new),
                        Timestamp.from(start))
                .query((rs, n) -> {
                    var counts = result.get(YearMonth.parse(rs.getString(1)));
                    int since = rs.getInt(2);
                    if (counts != null && since >= 0 && since < months) {
                        counts[since + 1] = rs.getLong(3);
                    }
                    return counts;
                })
                .list();
        return result;
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
