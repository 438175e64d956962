package org.opencxm.journeys.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import org.opencxm.customers.CustomerId;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.touchpoints.TouchpointId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Journey analytics besides funnels: the paths customers take to and from an event, how they
 * flow between stages, and where frustration and abandonment happen (the pain-point map). All of
 * it reads the journeys' own tables, never the raw events.
 */
@Component
public class JourneyAnalytics {

    private final JourneyAnalysisStore events;
    private final TransitionStore transitions;
    private final JourneyStore states;
    private final RuleBook rules;
    private final Clock clock;

    JourneyAnalytics(
            JourneyAnalysisStore events,
            TransitionStore transitions,
            JourneyStore states,
            RuleBook rules,
            Clock clock) {
        this.events = events;
        this.transitions = transitions;
        this.states = states;
        this.rules = rules;
        this.clock = clock;
    }

    /** Whole days in the reader's time zone as instants; refuses an inverted, overlong or far-off period. */
    public Period period(LocalDate from, LocalDate to, ZoneId zone) {
        Funnels.checkPeriod(from, to);
        return new Period(
                from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** A period as instants, {@code [from, to)}. */
    public record Period(Instant from, Instant to) {}

    @Transactional(readOnly = true)
    public PathResult paths(WorkspaceId workspace, PathQuery query) {
        if (query.depth() < 1 || query.depth() > PathQuery.MAX_DEPTH) {
            throw new InvalidInputException("depth", "paths.invalid.depth");
        }
        if (query.target().isBlank() || query.target().length() > JourneyRules.MAX_EVENT_NAME) {
            throw new InvalidInputException("target", "paths.invalid.target");
        }
        var analysis = new PathAnalysis(query);
        events.paths(workspace, query, analysis::accept);
        return analysis.finish();
    }

    @Transactional(readOnly = true)
    public StageFlow stageFlow(WorkspaceId workspace, Period period, ZoneId zone) {
        var flows = transitions.flows(workspace, period.from(), period.to());
        var ends = bucketEnds(period, zone);
        var counts = new long[ends.size()][LifecycleStage.values().length];
        var customer = new CustomerId[1];
        var stages = new ArrayList<LifecycleStage>();
        var times = new ArrayList<Instant>();
        Runnable count = () -> {
            // per bucket end, the stage of the customer's last transition before it
            int last = -1;
            for (int b = 0; b < ends.size(); b++) {
                while (last + 1 < times.size() && times.get(last + 1).isBefore(ends.get(b))) {
                    last++;
                }
                if (last >= 0) {
                    counts[b][stages.get(last).ordinal()]++;
                }
            }
            stages.clear();
            times.clear();
        };
        transitions.transitionsUntil(workspace, period.to(), (who, stage, at) -> {
            if (!who.equals(customer[0])) {
                count.run();
                customer[0] = who;
            }
            stages.add(stage);
            times.add(at);
        });
        count.run();
        var snapshots = new ArrayList<StageFlow.Snapshot>();
        for (int b = 0; b < ends.size(); b++) {
            var perStage = new EnumMap<LifecycleStage, Long>(LifecycleStage.class);
            for (var stage : LifecycleStage.values()) {
                perStage.put(stage, counts[b][stage.ordinal()]);
            }
            snapshots.add(new StageFlow.Snapshot(ends.get(b), perStage));
        }
        return new StageFlow(period.from(), period.to(), flows, snapshots);
    }

    /** The pain-point map, highest score first; cells too small to rank come last. */
    @Transactional(readOnly = true)
    public List<PainPoint> painPoints(WorkspaceId workspace, Period period) {
        var stalledBefore = period.to().minus(Duration.ofDays(PainPoint.STALLED_DAYS));
        var cells = new ArrayList<>(events.painPoints(workspace, period.from(), period.to(), stalledBefore));
        cells.sort((a, b) -> a.ranked() != b.ranked() ? (a.ranked() ? -1 : 1) : Double.compare(b.score(), a.score()));
        return cells;
    }

    /** The complaints and negative responses behind one cell, newest first. */
    @Transactional(readOnly = true)
    public List<PainPointEvidence> evidence(
            WorkspaceId workspace, TouchpointId touchpoint, LifecycleStage stage, Period period, int limit) {
        return events.evidence(workspace, touchpoint, stage, period.from(), period.to(), limit);
    }

    /**
     * The retention triangle for the last {@code months} acquisition months, in the reader's time
     * zone; purchases are the events the transition rules count as one.
     */
    @Transactional(readOnly = true)
    public Cohorts cohorts(WorkspaceId workspace, int months, ZoneId zone) {
        var purchases = rules.current(workspace).rules().stream()
                .filter(StageRule::purchase)
                .map(StageRule::event)
                .distinct()
                .toList();
        var thisMonth = YearMonth.now(clock.withZone(zone));
        var first = thisMonth.minusMonths(months - 1L);
        var rows = new ArrayList<Cohorts.Cohort>();
        states.cohorts(workspace, purchases, first, months, zone).forEach((month, counts) -> {
            // months still to come are left out; the current one counts what happened so far
            int elapsed = (int) java.time.temporal.ChronoUnit.MONTHS.between(month, thisMonth) + 1;
            var buyers = new ArrayList<Long>();
            for (int k = 0; k < Math.min(months, elapsed); k++) {
                buyers.add(counts[k + 1]);
            }
            rows.add(new Cohorts.Cohort(month, counts[0], buyers));
        });
        return new Cohorts(purchases, months, rows);
    }

    /** Month ends within the period, or week ends for periods up to 92 days. */
    private List<Instant> bucketEnds(Period period, ZoneId zone) {
        var start = period.from().atZone(zone).toLocalDate();
        var end = period.to().atZone(zone).toLocalDate();
        boolean weekly = ChronoUnit.DAYS.between(start, end) <= 92;
        var ends = new ArrayList<Instant>();
        var day = weekly ? start.plusWeeks(1) : start.withDayOfMonth(1).plusMonths(1);
        var now = clock.instant();
        while (day.isBefore(end) && day.atStartOfDay(zone).toInstant().isBefore(now)) {
            ends.add(day.atStartOfDay(zone).toInstant());
            day = weekly ? day.plusWeeks(1) : day.plusMonths(1);
        }
        ends.add(period.to().isAfter(now) ? now : period.to());
        return ends;
    }
}
