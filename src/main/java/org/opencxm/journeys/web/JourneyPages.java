package org.opencxm.journeys.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerId;
import org.opencxm.customers.Customers;
import org.opencxm.journeys.Journeys;
import org.opencxm.journeys.StageTransition;
import org.opencxm.journeys.internal.RuleBook;
import org.opencxm.platform.Actor;
import org.opencxm.platform.AnyRole;
import org.opencxm.platform.LifecycleStage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;

/** Journeys: where customers stand in the lifecycle, and one customer's journey for the 360° page. */
@Controller
@RequestMapping("/journeys")
class JourneyPages {

    /** The band's segments get one of this many widths (a CSS class each: no inline styles). */
    static final int WIDTHS = 12;

    private final Journeys journeys;
    private final Customers customers;
    private final RuleBook rules;

    JourneyPages(Journeys journeys, Customers customers, RuleBook rules) {
        this.journeys = journeys;
        this.customers = customers;
        this.rules = rules;
    }

    @GetMapping
    @AnyRole
    String overview(Actor actor, Model model) {
        var distribution = journeys.distribution(actor.workspaceId());
        model.addAttribute("distribution", distribution);
        model.addAttribute(
                "total",
                distribution.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("phases", LifecycleStage.Phase.values());
        model.addAttribute("stages", LifecycleStage.values());
        model.addAttribute("progress", rules.progress(actor.workspaceId()).orElse(null));
        return "journeys/overview";
    }

    /**
     * The journey section of the 360° page: loaded into the page by htmx, or shown on its own
     * page where JavaScript is off.
     */
    @GetMapping("/customers/{id}")
    @ReadsCustomerData
    String customer(
            Actor actor,
            @PathVariable UUID id,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        var profile = customers.profile(actor.workspaceId(), new CustomerId(id));
        var summary = journeys.summary(actor.workspaceId(), profile.customer().id());
        model.addAttribute("customer", profile.customer());
        model.addAttribute("summary", summary);
        model.addAttribute("band", band(summary.history(), Instant.now()));
        return htmx != null ? "journeys/customer :: journey" : "journeys/customer";
    }

    /** One stretch of the band: a stage, from when to when, and its share of the customer's life. */
    record Segment(StageTransition transition, @Nullable Instant until, int width) {}

    static List<Segment> band(List<StageTransition> history, Instant now) {
        if (history.isEmpty()) {
            return List.of();
        }
        var start = history.get(0).at();
        double life = Math.max(1, Duration.between(start, now).toMinutes());
        var segments = new ArrayList<Segment>();
        for (int i = 0; i < history.size(); i++) {
            var from = history.get(i).at();
            var until = i + 1 < history.size() ? history.get(i + 1).at() : null;
            double length = Duration.between(from, until == null ? now : until).toMinutes();
            int width = (int) Math.max(1, Math.min(WIDTHS, Math.round(WIDTHS * length / life)));
            segments.add(new Segment(history.get(i), until, width));
        }
        return segments;
    }
}
