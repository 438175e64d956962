package org.opencxm.journeys.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.journeys.internal.Funnels;
import org.opencxm.journeys.internal.JourneyAnalytics;
import org.opencxm.journeys.internal.PainPoint;
import org.opencxm.journeys.internal.PainPointEvidence;
import org.opencxm.journeys.internal.PathQuery;
import org.opencxm.journeys.internal.PathResult;
import org.opencxm.journeys.internal.StageFlow;
import org.opencxm.platform.Actor;
import org.opencxm.platform.AnyRole;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.touchpoints.TouchpointId;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Paths, stage flow and the pain-point map over REST; periods are whole days, the last 90 by default. */
@RestController
@RequestMapping("/api/v1/journeys")
@Tag(name = "Journey analytics", description = "Paths around an event, stage flow, and the pain-point map")
class JourneyAnalysisApi {

    private final JourneyAnalytics analytics;
    private final Funnels funnels;

    JourneyAnalysisApi(JourneyAnalytics analytics, Funnels funnels) {
        this.analytics = analytics;
        this.funnels = funnels;
    }

    /** The most frequent paths before (or after) the first {@code target} of each customer in the period. */
    @GetMapping("/paths")
    @ReadsCustomerData
    PathResult paths(
            Actor actor,
            @RequestParam String target,
            @RequestParam(defaultValue = "true") boolean before,
            @RequestParam(defaultValue = "4") int depth,
            @RequestParam(defaultValue = "30") int lookbackDays,
            @RequestParam(defaultValue = "false") boolean byTouchpoint,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        var period = period(actor, from, to);
        return analytics.paths(
                actor.workspaceId(),
                new PathQuery(
                        target.strip(),
                        before,
                        depth,
                        Math.max(1, Math.min(PathQuery.MAX_LOOKBACK_DAYS, lookbackDays)),
                        byTouchpoint,
                        period.from(),
                        period.to()));
    }

    @GetMapping("/flow")
    @AnyRole
    StageFlow flow(
            Actor actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        return analytics.stageFlow(actor.workspaceId(), period(actor, from, to), actor.timeZone());
    }

    /** Every touchpoint × stage cell with its score, highest first (cells too small to rank last). */
    @GetMapping("/pain-points")
    @AnyRole
    List<PainPoint> painPoints(
            Actor actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        return analytics.painPoints(actor.workspaceId(), period(actor, from, to));
    }

    /** The retention triangle of the last {@code months} acquisition months (2–24). */
    @GetMapping("/cohorts")
    @AnyRole
    org.opencxm.journeys.internal.Cohorts cohorts(Actor actor, @RequestParam(defaultValue = "12") int months) {
        return analytics.cohorts(actor.workspaceId(), Math.max(2, Math.min(24, months)), actor.timeZone());
    }

    /** The complaints and negative responses behind one cell, newest first (at most 500). */
    @GetMapping("/pain-points/evidence")
    @ReadsCustomerData
    List<PainPointEvidence> evidence(
            Actor actor,
            @RequestParam UUID touchpoint,
            @RequestParam LifecycleStage stage,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        return analytics.evidence(
                actor.workspaceId(), new TouchpointId(touchpoint), stage, period(actor, from, to), 500);
    }

    private JourneyAnalytics.Period period(Actor actor, @Nullable LocalDate from, @Nullable LocalDate to) {
        var defaults = funnels.lastNinetyDays(actor.timeZone());
        return analytics.period(
                from == null ? defaults.getKey() : from, to == null ? defaults.getValue() : to, actor.timeZone());
    }
}
