package org.opencxm.journeys.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerId;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.touchpoints.TouchpointId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The analyses' reads of {@code journey_event} (with the states and transitions they join): the
 * sequences funnels stream, paths, the pain-point map and cohorts. Each sorts or aggregates a
 * period of a workspace, so each gets room to sort in memory first.
 */
@Component
class JourneyAnalysisStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    JourneyAnalysisStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(template.getDataSource());
        this.streaming.setFetchSize(5000);
    }

    /**
     * One step of a customer's sequence as funnels read it.
     *
     * @param touchpoint where it happened; {@code null} for a stage entered by the sweep, and where
     *     the breakdown does not need it
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
            FunnelBreakdown breakdown,
            Instant from,
            Instant until,
            Consumer<Step> consumer) {
        roomToSort();
        boolean stages = names.stream().anyMatch(name -> name.startsWith(FunnelDefinition.STAGE_PREFIX));
        // the stage entries, the touchpoints and the customer's stage and first touchpoint only
        // where the funnel needs them: every column is read, sorted and sent for every step
        boolean withCustomer = breakdown == FunnelBreakdown.STAGE || breakdown == FunnelBreakdown.FIRST_TOUCHPOINT;
        boolean withTouchpoint = breakdown == FunnelBreakdown.TOUCHPOINT || breakdown == FunnelBreakdown.CHANNEL;
        var sql = "select s.customer_id, s.name, s.occurred_at, "
                + (withTouchpoint ? "s.touchpoint_id, " : "null::uuid, ")
                + (withCustomer ? "j.stage, j.first_touchpoint_id" : "null, null") + " from ("
                + " select customer_id, name, occurred_at, "
                + (withTouchpoint ? "touchpoint_id" : "null::uuid as touchpoint_id")
                + ", event_id from journey_event"
                + " where workspace_id = ? and occurred_at >= ? and occurred_at < ?"
                + (allNames ? " and ?::text[] is not null" : " and name = any(?)")
                + (stages
                        ? " union all select customer_id, 'stage:' || to_stage, occurred_at, "
                                + (withTouchpoint ? "touchpoint_id" : "null::uuid")
                                + ", null"
                                + " from journey_transition where workspace_id = ? and occurred_at >= ?"
                                + " and occurred_at < ? and ('stage:' || to_stage) = any(?)"
                        : "")
                + ") s"
                + (withCustomer
                        ? " left join journey_state j on j.workspace_id = ? and j.customer_id = s.customer_id"
                        : "")
                + " order by s.customer_id, s.occurred_at, s.event_id nulls last";
        streaming.query(
                connection -> {
                    var statement = connection.prepareStatement(sql);
                    statement.setFetchSize(5000);
                    var list = connection.createArrayOf("text", names.toArray(String[]::new));
                    int p = 1;
                    statement.setObject(p++, workspace.value());
                    statement.setTimestamp(p++, Timestamp.from(from));
                    statement.setTimestamp(p++, Timestamp.from(until));
                    statement.setArray(p++, list);
                    if (stages) {
                        statement.setObject(p++, workspace.value());
                        statement.setTimestamp(p++, Timestamp.from(from));
                        statement.setTimestamp(p++, Timestamp.from(until));
                        statement.setArray(p++, list);
                    }
                    if (withCustomer) {
                        statement.setObject(p, workspace.value());
                    }
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

    /**
     * Room for the sorts of one analysis in this transaction: a period of a large workspace sorts
     * millions of rows by customer, which PostgreSQL's default 4 MB would do on disk.
     */
    private void roomToSort() {
        jdbc.sql("set local work_mem = '" + ANALYSIS_MEMORY + "'").update();
    }

    static final String ANALYSIS_MEMORY = "128MB";

    /**
     * Per customer whose first {@code target} in the period falls there, the steps right before it
     * (or after it), oldest first, each as an event name or touchpoint id; a customer with no such
     * steps comes as one row with a null step.
     */
    void paths(WorkspaceId workspace, PathQuery query, BiConsumer<CustomerId, @Nullable String> consumer) {
        roomToSort();
        var sql = """
                with target as (
                  select customer_id, min(occurred_at) as t from journey_event
                  where workspace_id = ? and name = ? and occurred_at >= ? and occurred_at < ?
                  group by customer_id
                )
                select t.customer_id, s.step from target t
                left join lateral (
                  select x.step, x.occurred_at from (
                    select %s as step, e.occurred_at, e.event_id from journey_event e
                    where e.workspace_id = ? and e.customer_id = t.customer_id
                      and %s
                    order by e.occurred_at %s, e.event_id %s limit ?
                  ) x
                ) s on true
                order by t.customer_id, s.occurred_at, s.step""".formatted(
                        query.byTouchpoint() ? "e.touchpoint_id::text" : "e.name",
                        query.before()
                                ? "e.occurred_at < t.t and e.occurred_at >= t.t - make_interval(days => ?)"
                                : "e.occurred_at > t.t and e.occurred_at <= t.t + make_interval(days => ?)",
                        query.before() ? "desc" : "asc",
                        query.before() ? "desc" : "asc");
        streaming.query(
                connection -> {
                    var statement = connection.prepareStatement(sql);
                    statement.setFetchSize(5000);
                    statement.setObject(1, workspace.value());
                    statement.setString(2, query.target());
                    statement.setTimestamp(3, Timestamp.from(query.from()));
                    statement.setTimestamp(4, Timestamp.from(query.to()));
                    statement.setObject(5, workspace.value());
                    statement.setInt(6, query.lookbackDays());
                    // room for steps repeated in a row, which count once
                    statement.setInt(7, query.depth() * 3);
                    return statement;
                },
                rs -> {
                    consumer.accept(new CustomerId(rs.getObject(1, UUID.class)), rs.getString(2));
                });
    }

    /**
     * Per touchpoint and stage in {@code [from, to)}: customers, contacts (survey responses aside),
     * responses, negative ones, complaints, and customers who dropped off there: whose last step in
     * the period was there and who are passive now, or still in that stage since before {@code stalledBefore}.
     * One pass over the period, grouped per customer and cell by hashing: sorting the period's
     * events by cell and again by customer took twice as long.
     */
    List<PainPoint> painPoints(WorkspaceId workspace, Instant from, Instant to, Instant stalledBefore) {
        roomToSort();
        return jdbc.sql("""
                        with seen as (
                          select customer_id, touchpoint_id, stage,
                                 count(*) filter (where name <> 'Survey Responded') as contacts,
                                 count(*) filter (where name = 'Survey Responded') as responses,
                                 count(*) filter (where signal = 'NEGATIVE') as negative,
                                 count(*) filter (where signal = 'COMPLAINT') as complaints,
                                 max(occurred_at) as last_at
                          from journey_event
                          where workspace_id = ? and occurred_at >= ? and occurred_at < ? and stage is not null
                          group by customer_id, touchpoint_id, stage
                        ),
                        ranked as (
                          select s.*, row_number() over (partition by customer_id
                                                         order by last_at desc, touchpoint_id, stage) = 1 as last_step
                          from seen s
                        )
                        select r.touchpoint_id, r.stage, count(*) as customers, sum(r.contacts) as contacts,
                               sum(r.responses) as responses, sum(r.negative) as negative,
                               sum(r.complaints) as complaints,
                               count(*) filter (where (j.stage in ('INACTIVE', 'CHURNED')
                                                       and r.stage not in ('INACTIVE', 'CHURNED'))
                                                   or (j.stage = r.stage and j.since < ? and r.last_at < ?)) as dropped
                        from ranked r
                        left join journey_state j
                          on r.last_step and j.workspace_id = ? and j.customer_id = r.customer_id
                        group by r.touchpoint_id, r.stage""")
                .params(
                        workspace.value(),
                        Timestamp.from(from),
                        Timestamp.from(to),
                        Timestamp.from(stalledBefore),
                        Timestamp.from(stalledBefore),
                        workspace.value())
                .query((rs, n) -> new PainPoint(
                        new TouchpointId(rs.getObject("touchpoint_id", UUID.class)),
                        LifecycleStage.valueOf(rs.getString("stage")),
                        rs.getLong("customers"),
                        rs.getLong("contacts"),
                        rs.getLong("responses"),
                        rs.getLong("negative"),
                        rs.getLong("complaints"),
                        rs.getLong("dropped")))
                .list();
    }

    List<PainPointEvidence> evidence(
            WorkspaceId workspace, TouchpointId touchpoint, LifecycleStage stage, Instant from, Instant to, int limit) {
        return jdbc.sql("""
                        select customer_id, name, occurred_at, signal, note from journey_event
                        where workspace_id = ? and touchpoint_id = ? and stage = ? and occurred_at >= ? and occurred_at < ?
                          and signal in ('NEGATIVE', 'COMPLAINT')
                        order by occurred_at desc limit ?""")
                .params(
                        workspace.value(),
                        touchpoint.value(),
                        stage.name(),
                        Timestamp.from(from),
                        Timestamp.from(to),
                        limit)
                .query((rs, n) -> new PainPointEvidence(
                        new CustomerId(rs.getObject(1, UUID.class)),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4),
                        rs.getString(5)))
                .list();
    }
}
