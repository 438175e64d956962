package org.opencxm.cases.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.opencxm.cases.Cases;
import org.opencxm.platform.Actor;
import org.opencxm.platform.AnyRole;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.touchpoints.Touchpoint;
import org.opencxm.touchpoints.Touchpoints;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The case figures of a period for everyone who reads cases: the headline, then each split
 * (severity, category, department, touchpoint, first or repeat) as a chart of cases opened over
 * a table of every figure, and promises kept per department and agent. The same numbers as
 * {@code GET /api/v1/cases/figures}.
 */
@Controller
class CaseFigurePages {

    private final Cases cases;
    private final Touchpoints touchpoints;
    private final Clock clock;

    CaseFigurePages(Cases cases, Touchpoints touchpoints, Clock clock) {
        this.cases = cases;
        this.touchpoints = touchpoints;
        this.clock = clock;
    }

    @GetMapping("/cases/figures")
    @AnyRole
    String figures(
            Actor actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            Model model) {
        CasePeriod period;
        try {
            period = CasePeriod.of(from, to, actor.timeZone(), clock);
        } catch (InvalidInputException backwards) {
            model.addAttribute("periodInvalid", true);
            period = CasePeriod.of(null, null, actor.timeZone(), clock);
        }
        model.addAttribute("period", period);
        model.addAttribute("figures", cases.figures(actor.workspaceId(), period.start(), period.end()));
        model.addAttribute(
                "touchpointNames",
                touchpoints.list(actor.workspaceId()).stream()
                        .collect(Collectors.toMap(Touchpoint::key, Touchpoint::name, (a, b) -> a)));
        return "cases/figures";
    }
}
