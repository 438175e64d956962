package org.opencxm.journeys.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private final JourneyEventStore events;
    private final JourneyStore journeys;
    private final Clock clock;

    JourneyAnalytics(JourneyEventStore events, JourneyStore journeys, Clock clock) {
        this.events = events;
        this.journeys = journeys;
        this.clock = clock;
    }

    /** Whole days in the reader's time zone as instants; refuses an inverted or overlong period. */
    public Period period(LocalDate from, LocalDate to, ZoneId zone) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "funnels.invalid.period");
        }
        if (from.plusDays(Funnels.MAX_PERIOD_DAYS).isBefore(to)) {
            throw new InvalidInputException("from", "funnels.invalid.periodLength");
        }
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
        var flows = journeys.flows(workspace, period.from(), period.to());
        var ends = bucketEnds(period, zone);
        var snapshots = new ArrayList<StageFlow.Snapshot>();
        var stages = new HashMap<CustomerId, LifecycleStage>();
        var counts = new EnumMap<LifecycleStage, Long>(LifecycleStage.class);
        var next = new int[] {0};
        journeys.transitionsUntil(workspace, period.to(), (customer, stage, at) -> {
            while (next[0] < ends.size() && !at.isBefore(ends.get(next[0]))) {
                snapshots.add(snapshot(ends.get(next[0]++), counts));
            }
            var before = stages.put(customer, stage);
            if (before != null) {
                counts.merge(before, -1L, Long::sum);
            }
            counts.merge(stage, 1L, Long::sum);
        });
        while (next[0] < ends.size()) {
            snapshots.add(snapshot(ends.get(next[0]++), counts));
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

    private static StageFlow.Snapshot snapshot(Instant at, Map<LifecycleStage, Long> counts) {
        var copy = new EnumMap<LifecycleStage, Long>(LifecycleStage.class);
        for (var stage : LifecycleStage.values()) {
            copy.put(stage, Math.max(0, counts.getOrDefault(stage, 0L)));
        }
        return new StageFlow.Snapshot(at, copy);
    }
}
