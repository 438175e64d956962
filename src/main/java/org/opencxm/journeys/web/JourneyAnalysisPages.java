package org.opencxm.journeys.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.Customer;
import org.opencxm.customers.CustomerId;
import org.opencxm.customers.Customers;
import org.opencxm.journeys.internal.Funnels;
import org.opencxm.journeys.internal.JourneyAnalytics;
import org.opencxm.journeys.internal.PainPoint;
import org.opencxm.journeys.internal.PathQuery;
import org.opencxm.platform.Actor;
import org.opencxm.platform.AnyRole;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.touchpoints.TouchpointId;
import org.opencxm.touchpoints.Touchpoints;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Journeys › Paths, Stage flow and Pain points: where customers come from and go to around an
 * event, how they move between stages, and where frustration and abandonment happen. The
 * address keeps the period and choices, so every view can be shared.
 */
@Controller
@RequestMapping("/journeys")
class JourneyAnalysisPages {

    static final int EVIDENCE_SHOWN = 50;

    private final JourneyAnalytics analytics;
    private final Funnels funnels;
    private final Touchpoints touchpoints;
    private final Customers customers;

    JourneyAnalysisPages(JourneyAnalytics analytics, Funnels funnels, Touchpoints touchpoints, Customers customers) {
        this.analytics = analytics;
        this.funnels = funnels;
        this.touchpoints = touchpoints;
        this.customers = customers;
    }

    @GetMapping("/paths")
    @ReadsCustomerData
    String paths(
            Actor actor,
            @RequestParam(defaultValue = "Order Completed") String target,
            @RequestParam(defaultValue = "before") String direction,
            @RequestParam(defaultValue = "4") int depth,
            @RequestParam(defaultValue = "30") int lookbackDays,
            @RequestParam(defaultValue = "event") String by,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            Model model) {
        var period = period(actor, from, to, model);
        boolean byTouchpoint = "touchpoint".equals(by);
        model.addAttribute("target", target);
        model.addAttribute("direction", "after".equals(direction) ? "after" : "before");
        model.addAttribute("depth", depth);
        model.addAttribute("lookbackDays", lookbackDays);
        model.addAttribute("by", byTouchpoint ? "touchpoint" : "event");
        model.addAttribute("eventNames", funnels.eventNames(actor.workspaceId()));
        model.addAttribute("touchpointNames", touchpointNames(actor));
        if (period != null) {
            try {
                model.addAttribute(
                        "paths",
                        analytics.paths(
                                actor.workspaceId(),
                                new PathQuery(
                                        target.strip(),
                                        !"after".equals(direction),
                                        depth,
                                        Math.max(1, Math.min(PathQuery.MAX_LOOKBACK_DAYS, lookbackDays)),
                                        byTouchpoint,
                                        period.from(),
                                        period.to())));
            } catch (InvalidInputException e) {
                FieldProblems.show(e, model);
            }
        }
        return "journeys/paths";
    }

    @GetMapping("/flow")
    @AnyRole
    String flow(
            Actor actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            Model model) {
        var period = period(actor, from, to, model);
        model.addAttribute("stages", LifecycleStage.values());
        if (period != null) {
            model.addAttribute("flow", analytics.stageFlow(actor.workspaceId(), period, actor.timeZone()));
        }
        return "journeys/flow";
    }

    @GetMapping("/pain-points")
    @AnyRole
    String painPoints(
            Actor actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            Model model) {
        var period = period(actor, from, to, model);
        model.addAttribute("stages", LifecycleStage.values());
        model.addAttribute("touchpointNames", touchpointNames(actor));
        model.addAttribute("minCustomers", PainPoint.MIN_CUSTOMERS);
        if (period != null) {
            var cells = analytics.painPoints(actor.workspaceId(), period);
            model.addAttribute("cells", cells);
            model.addAttribute("grid", grid(cells));
        }
        return "journeys/pain-points";
    }

    /** The retention triangle: monthly acquisition cohorts × months since the first purchase. */
    @GetMapping("/cohorts")
    @AnyRole
    String cohorts(Actor actor, @RequestParam(defaultValue = "12") int months, Model model) {
        model.addAttribute(
                "cohorts", analytics.cohorts(actor.workspaceId(), Math.max(2, Math.min(24, months)), actor.timeZone()));
        return "journeys/cohorts";
    }

    /** The complaints and negative responses behind one cell, each a link to the customer's timeline. */
    @GetMapping("/pain-points/evidence")
    @ReadsCustomerData
    String evidence(
            Actor actor,
            @RequestParam UUID touchpoint,
            @RequestParam LifecycleStage stage,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            Model model) {
        var period = period(actor, from, to, model);
        var where = touchpoints.get(actor.workspaceId(), new TouchpointId(touchpoint));
        model.addAttribute("touchpoint", where);
        model.addAttribute("stage", stage);
        if (period != null) {
            var evidence = analytics.evidence(actor.workspaceId(), where.id(), stage, period, EVIDENCE_SHOWN);
            Map<CustomerId, Customer> people = customers.byIds(
                    actor.workspaceId(),
                    evidence.stream().map(e -> e.customer()).toList());
            model.addAttribute("evidence", evidence);
            model.addAttribute("people", people);
        }
        return "journeys/pain-point";
    }

    /** The period from the address, else the last 90 days; a bad one is shown, not thrown. */
    private JourneyAnalytics.@Nullable Period period(
            Actor actor, @Nullable LocalDate from, @Nullable LocalDate to, Model model) {
        var defaults = funnels.lastNinetyDays(actor.timeZone());
        var start = from == null ? defaults.getKey() : from;
        var end = to == null ? defaults.getValue() : to;
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        try {
            return analytics.period(start, end, actor.timeZone());
        } catch (InvalidInputException e) {
            FieldProblems.show(e, model);
            return null;
        }
    }

    private Map<String, String> touchpointNames(Actor actor) {
        var names = new LinkedHashMap<String, String>();
        touchpoints.list(actor.workspaceId()).forEach(t -> names.put(t.id().toString(), t.name()));
        return names;
    }

    /** The map as rows (touchpoints) × stages, for the heatmap's table. */
    static Map<TouchpointId, Map<LifecycleStage, PainPoint>> grid(List<PainPoint> cells) {
        var grid = new LinkedHashMap<TouchpointId, Map<LifecycleStage, PainPoint>>();
        cells.stream()
                .sorted((a, b) ->
                        a.touchpoint().toString().compareTo(b.touchpoint().toString()))
                .forEach(cell -> grid.computeIfAbsent(cell.touchpoint(), t -> new LinkedHashMap<>())
                        .put(cell.stage(), cell));
        return grid;
    }
}
