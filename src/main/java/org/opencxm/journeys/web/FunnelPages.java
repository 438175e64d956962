package org.opencxm.journeys.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.Customers;
import org.opencxm.journeys.internal.FunnelBreakdown;
import org.opencxm.journeys.internal.FunnelOrder;
import org.opencxm.journeys.internal.FunnelResult;
import org.opencxm.journeys.internal.Funnels;
import org.opencxm.platform.Actor;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.common.SpreadsheetSafe;
import org.opencxm.touchpoints.Touchpoints;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Journeys › Funnels: ordered steps (events or stages entered) with a conversion window; per step
 * how many customers got there, the conversion, the median time, a breakdown, and the customers
 * who dropped off, each a link to their timeline. Results read customer data, so viewers see the
 * funnels of the dashboards, not these pages.
 */
@Controller
@RequestMapping("/journeys/funnels")
@ReadsCustomerData
class FunnelPages {

    static final int DROP_OFFS_SHOWN = 50;

    private final Funnels funnels;
    private final Customers customers;
    private final Touchpoints touchpoints;

    FunnelPages(Funnels funnels, Customers customers, Touchpoints touchpoints) {
        this.funnels = funnels;
        this.customers = customers;
        this.touchpoints = touchpoints;
    }

    @ModelAttribute
    void choices(Actor actor, Model model) {
        model.addAttribute("orders", FunnelOrder.values());
        model.addAttribute("breakdowns", FunnelBreakdown.values());
        model.addAttribute("stages", LifecycleStage.values());
        model.addAttribute("eventNames", funnels.eventNames(actor.workspaceId()));
        model.addAttribute("traitNames", funnels.traitNames(actor.workspaceId()));
        model.addAttribute("saved", funnels.list(actor.workspaceId()));
    }

    /** The builder, and with steps in the address, the funnel they make. */
    @GetMapping
    String build(Actor actor, @ModelAttribute("form") FunnelForm form, Model model, HttpServletResponse response) {
        var period = funnels.lastNinetyDays(actor.timeZone());
        var filled = form.steps() == null
                ? FunnelForm.starter(period.getKey(), period.getValue())
                : form.from() == null || form.to() == null ? form.withPeriod(period.getKey(), period.getValue()) : form;
        if (form.steps() != null) {
            model.addAttribute("here", filled.link("/journeys/funnels"));
            model.addAttribute("csvHere", filled.link("/journeys/funnels/dropped.csv"));
            analyse(actor, filled, model, response);
        }
        model.addAttribute("form", filled);
        return "journeys/funnels";
    }

    /** A saved funnel; steps in the address show an edited, not yet saved version of it. */
    @GetMapping("/{id}")
    String saved(
            Actor actor,
            @PathVariable UUID id,
            @ModelAttribute("form") FunnelForm form,
            Model model,
            HttpServletResponse response) {
        var funnel = funnels.get(actor.workspaceId(), id);
        var period = funnels.lastNinetyDays(actor.timeZone());
        var from = form.from() == null ? period.getKey() : form.from();
        var to = form.to() == null ? period.getValue() : form.to();
        var definition = funnel.definition();
        var filled = form.steps() == null
                ? new FunnelForm(
                        definition.name(),
                        definition.steps(),
                        definition.windowDays(),
                        definition.order(),
                        from,
                        to,
                        form.breakdown(),
                        form.trait(),
                        form.dropped())
                : form.withPeriod(from, to);
        model.addAttribute("funnel", funnel);
        model.addAttribute("edited", form.steps() != null);
        var shown = form.steps() == null
                ? new FunnelForm(null, null, null, null, from, to, form.breakdown(), form.trait(), null)
                : filled;
        model.addAttribute("here", shown.link("/journeys/funnels/" + id));
        model.addAttribute("csvHere", shown.link("/journeys/funnels/" + id + "/dropped.csv"));
        model.addAttribute("form", filled);
        analyse(actor, filled, model, response);
        return "journeys/funnels";
    }

    /** Run shows the funnel at its own address (to share or bookmark); save keeps it. */
    @PostMapping
    String submit(
            Actor actor,
            @ModelAttribute("form") FunnelForm form,
            @RequestParam(defaultValue = "run") String action,
            Model model,
            HttpServletResponse response) {
        try {
            if (!"save".equals(action)) {
                form.definition();
                return "redirect:" + form.link("/journeys/funnels");
            }
            var saved = funnels.create(actor.workspaceId(), named(form).definition(), actor.userId());
            return "redirect:/journeys/funnels/" + saved.id() + "?saved";
        } catch (InvalidInputException e) {
            return refused(form, e, model, response);
        }
    }

    @PostMapping("/{id}")
    String change(
            Actor actor,
            @PathVariable UUID id,
            @ModelAttribute("form") FunnelForm form,
            @RequestParam(defaultValue = "run") String action,
            Model model,
            HttpServletResponse response) {
        var funnel = funnels.get(actor.workspaceId(), id);
        model.addAttribute("funnel", funnel);
        try {
            switch (action) {
                case "delete" -> {
                    funnels.delete(actor.workspaceId(), id);
                    return "redirect:/journeys/funnels?deleted";
                }
                case "save" -> {
                    funnels.update(actor.workspaceId(), id, named(form).definition());
                    return "redirect:/journeys/funnels/" + id + "?saved";
                }
                default -> {
                    form.definition();
                    return "redirect:" + form.link("/journeys/funnels/" + id);
                }
            }
        } catch (InvalidInputException e) {
            return refused(form, e, model, response);
        }
    }

    /**
     * The customers who dropped off after a step, as a spreadsheet (at most 10,000): the saved
     * funnel's steps unless the address names others.
     */
    @GetMapping({"/dropped.csv", "/{id}/dropped.csv"})
    void droppedCsv(
            Actor actor,
            @PathVariable(required = false) @Nullable UUID id,
            @ModelAttribute("form") FunnelForm form,
            @RequestParam(required = false) @Nullable String format,
            HttpServletResponse response)
            throws IOException {
        var definition = id != null && form.steps() == null
                ? funnels.get(actor.workspaceId(), id).definition()
                : form.definition();
        var period = funnels.lastNinetyDays(actor.timeZone());
        var result = funnels.run(
                actor.workspaceId(),
                definition,
                form.from() == null ? period.getKey() : form.from(),
                form.to() == null ? period.getValue() : form.to(),
                FunnelBreakdown.NONE,
                null,
                actor.timeZone());
        int step = form.dropped() == null ? 0 : form.dropped();
        var ids = result.dropOffs().getOrDefault(step, List.of());
        var people = customers.byIds(actor.workspaceId(), ids);
        var dialect = SpreadsheetSafe.Dialect.parse(format);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(
                "Content-Disposition", "attachment; filename=\"funnel-dropped-after-step-" + (step + 1) + ".csv\"");
        var writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        try (var csv = new CSVPrinter(
                writer, dialect.begin(writer, "customer_id", "user_id", "email", "name", "lifecycle_stage"))) {
            for (var customerId : ids) {
                var customer = people.get(customerId);
                if (customer != null) {
                    csv.printRecord(
                            customer.id().toString(),
                            SpreadsheetSafe.cell(customer.userId() == null ? "" : customer.userId()),
                            SpreadsheetSafe.cell(customer.email() == null ? "" : customer.email()),
                            SpreadsheetSafe.cell(customer.displayName() == null ? "" : customer.displayName()),
                            customer.stage() == null ? "" : customer.stage().name());
                }
            }
        }
    }

    /** Saving needs a name; running does not. */
    private static FunnelForm named(FunnelForm form) {
        if (form.name() == null || form.name().isBlank()) {
            throw new InvalidInputException("name", "funnels.invalid.name");
        }
        return form;
    }

    private void analyse(Actor actor, FunnelForm form, Model model, HttpServletResponse response) {
        try {
            var result = funnels.run(
                    actor.workspaceId(),
                    form.definition(),
                    form.from(),
                    form.to(),
                    form.breakdownOrNone(),
                    form.trait(),
                    actor.timeZone());
            model.addAttribute("result", result);
            model.addAttribute("breakdownLabels", breakdownLabels(actor, result));
            if (form.dropped() != null) {
                model.addAttribute("droppedAt", form.dropped());
                model.addAttribute("droppedCustomers", dropped(actor, result, form.dropped()));
            }
        } catch (InvalidInputException e) {
            FieldProblems.show(e, model);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
    }

    private String refused(FunnelForm form, InvalidInputException e, Model model, HttpServletResponse response) {
        FieldProblems.show(e, model);
        model.addAttribute("form", form);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return "journeys/funnels";
    }

    /** The first customers who dropped off after this step, with names for the list. */
    private List<org.opencxm.customers.Customer> dropped(Actor actor, FunnelResult result, int step) {
        var ids = result.dropOffs().getOrDefault(step, List.of());
        var shown = ids.subList(0, Math.min(DROP_OFFS_SHOWN, ids.size()));
        var byId = customers.byIds(actor.workspaceId(), shown);
        return shown.stream().map(byId::get).filter(c -> c != null).toList();
    }

    /** Touchpoint ids as names; stages and channels are translated in the template. */
    private Map<String, String> breakdownLabels(Actor actor, FunnelResult result) {
        var labels = new LinkedHashMap<String, String>();
        if (result.breakdown() == FunnelBreakdown.TOUCHPOINT
                || result.breakdown() == FunnelBreakdown.FIRST_TOUCHPOINT) {
            touchpoints.list(actor.workspaceId()).forEach(t -> labels.put(t.id().toString(), t.name()));
        }
        return labels;
    }
}
