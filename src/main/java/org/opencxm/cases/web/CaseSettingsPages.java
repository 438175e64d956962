package org.opencxm.cases.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opencxm.cases.Severity;
import org.opencxm.cases.internal.CaseCalendars;
import org.opencxm.cases.internal.CaseSettings;
import org.opencxm.cases.internal.ServiceLevels;
import org.opencxm.platform.Actor;
import org.opencxm.platform.Role;
import org.opencxm.platform.common.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Settings › Cases: the workspace's working week and hours, whose holidays count (country and
 * state), the service times per severity (first response, resolution, update interval), and
 * whether a case not resolved in time goes to a lead.
 * Hours are typed as a German user types them ("0,5"). Cases opened afterwards are due by them.
 */
@Controller
@RequestMapping("/settings/cases")
@Secured(Role.ADMIN_AUTHORITY)
class CaseSettingsPages {

    private final CaseCalendars calendars;

    CaseSettingsPages(CaseCalendars calendars) {
        this.calendars = calendars;
    }

    @GetMapping
    String show(Actor actor, Model model) {
        return page(model, form(calendars.settings(actor.workspaceId())));
    }

    @PostMapping
    String save(Actor actor, @RequestParam Map<String, String> fields, Model model, HttpServletResponse response) {
        var problems = new ArrayList<InvalidInputException.Problem>();
        // what cannot be read stands in as the current value, so that the rules see every other field
        var settings = parse(fields, calendars.settings(actor.workspaceId()), problems);
        try {
            settings.check();
            if (problems.isEmpty()) {
                calendars.save(actor.workspaceId(), settings);
                return "redirect:/settings/cases?saved";
            }
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("problems", new InvalidInputException(problems).byField());
        return page(model, fields);
    }

    private String page(Model model, Map<String, String> form) {
        model.addAttribute("form", form);
        model.addAttribute("severities", Severity.values());
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("regions", CaseSettings.regions(form.getOrDefault("country", "DE")));
        return "cases/settings";
    }

    /** The settings as the form shows them: hours with a decimal comma, days as their names. */
    static Map<String, String> form(CaseSettings settings) {
        var form = new java.util.HashMap<String, String>();
        form.put("country", settings.country());
        form.put("region", settings.region() == null ? "" : settings.region());
        form.put("dayStart", settings.dayStart().toString());
        form.put("dayEnd", settings.dayEnd().toString());
        if (settings.reassignOnBreach()) {
            form.put("reassignOnBreach", "on");
        }
        for (var day : settings.workingDays()) {
            form.put("day." + day.name(), "on");
        }
        for (var severity : Severity.values()) {
            var t = settings.targets(severity);
            form.put("firstResponse" + severity.name(), hours(t.firstResponse()));
            form.put("resolution" + severity.name(), Integer.toString(t.resolutionDays()));
            form.put("update" + severity.name(), Integer.toString(t.updateDays()));
        }
        return form;
    }

    private static String hours(Duration duration) {
        return new BigDecimal(duration.toMinutes())
                .divide(BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString()
                .replace('.', ',');
    }

    private static CaseSettings parse(
            Map<String, String> fields, CaseSettings current, List<InvalidInputException.Problem> problems) {
        var start = time(fields.get("dayStart"), "dayStart", problems);
        var end = time(fields.get("dayEnd"), "dayEnd", problems);
        var days = EnumSet.noneOf(DayOfWeek.class);
        for (var day : DayOfWeek.values()) {
            if (fields.containsKey("day." + day.name())) {
                days.add(day);
            }
        }

        var targets = new EnumMap<Severity, ServiceLevels.Targets>(Severity.class);
        for (var severity : Severity.values()) {
            var first = decimal(fields.get("firstResponse" + severity.name()));
            if (first == null) {
                problems.add(new InvalidInputException.Problem(
                        "firstResponse" + severity.name(), "case.settings.invalid.firstResponse"));
            }
            var days2 = number(
                    fields.get("resolution" + severity.name()),
                    "resolution" + severity.name(),
                    "case.settings.invalid.resolution",
                    problems);
            var update = number(
                    fields.get("update" + severity.name()),
                    "update" + severity.name(),
                    "case.settings.invalid.silence",
                    problems);
            var was = current.targets(severity);
            targets.put(
                    severity,
                    new ServiceLevels.Targets(
                            first == null
                                    ? was.firstResponse()
                                    : Duration.ofMinutes(first.multiply(BigDecimal.valueOf(60))
                                            .longValue()),
                            days2 == null ? was.resolutionDays() : days2,
                            update == null ? was.updateDays() : update));
        }
        var region = fields.getOrDefault("region", "").strip();
        return new CaseSettings(
                fields.getOrDefault("country", "").strip(),
                region.isEmpty() ? null : region,
                start == null ? current.dayStart() : start,
                end == null ? current.dayEnd() : end,
                days,
                fields.containsKey("reassignOnBreach"),
                targets);
    }

    private static @Nullable LocalTime time(
            @Nullable String text, String field, List<InvalidInputException.Problem> problems) {
        try {
            return LocalTime.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            problems.add(new InvalidInputException.Problem(field, "case.settings.invalid.hours"));
            return null;
        }
    }

    private static @Nullable Integer number(
            @Nullable String text, String field, String key, List<InvalidInputException.Problem> problems) {
        try {
            return Integer.valueOf(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            problems.add(new InvalidInputException.Problem(field, key));
            return null;
        }
    }

    /** "0,5", "0.5" or "4" hours; {@code null} for anything else. */
    private static @Nullable BigDecimal decimal(@Nullable String text) {
        if (text == null || !text.strip().matches("\\d{1,4}([.,]\\d{1,2})?")) {
            return null;
        }
        return new BigDecimal(text.strip().replace(',', '.'));
    }
}
