package org.opencxm.cases.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.cases.CaseId;
import org.opencxm.cases.CaseQuery;
import org.opencxm.cases.CaseStatus;
import org.opencxm.cases.Cases;
import org.opencxm.cases.Severity;
import org.opencxm.cases.internal.CaseAssignments;
import org.opencxm.cases.internal.CaseCategories;
import org.opencxm.cases.internal.CaseConversation;
import org.opencxm.cases.internal.CasePromises;
import org.opencxm.cases.internal.CaseTransitions;
import org.opencxm.cases.internal.ReplyTemplates;
import org.opencxm.cases.internal.SavedViews;
import org.opencxm.customers.CustomerId;
import org.opencxm.customers.Customers;
import org.opencxm.platform.Actor;
import org.opencxm.platform.AnyRole;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.common.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The queue (open cases, most severe and oldest first, filtered by status, severity, category and
 * who has them), a case's page with what happened on it, its promises and what can be done next,
 * and the cases section of a customer's page. Everyone reads; agents, CX managers and
 * admins work on cases.
 */
@Controller
@RequestMapping("/cases")
class CasePages {

    private final Cases cases;
    private final CasePromises promises;
    private final CaseConversation conversation;
    private final ReplyTemplates templates;
    private final CaseAssignments assignments;
    private final SavedViews views;
    private final Customers customers;
    private final Clock clock;

    CasePages(
            Cases cases,
            CasePromises promises,
            CaseConversation conversation,
            ReplyTemplates templates,
            CaseAssignments assignments,
            SavedViews views,
            Customers customers,
            Clock clock) {
        this.cases = cases;
        this.promises = promises;
        this.conversation = conversation;
        this.templates = templates;
        this.assignments = assignments;
        this.views = views;
        this.customers = customers;
        this.clock = clock;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("now", clock.instant());
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("categories", CaseCategories.DEFAULTS);
    }

    @GetMapping
    @AnyRole
    String queue(
            Actor actor,
            @RequestParam(required = false) @Nullable CaseStatus status,
            @RequestParam(required = false) @Nullable Severity severity,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) org.opencxm.platform.@Nullable Department department,
            @RequestParam(defaultValue = "all") String who,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        var mine = "me".equals(who) && actor.userId() != null ? actor.userId() : null;
        var query = new CaseQuery(
                status,
                severity,
                mine,
                "nobody".equals(who),
                category == null || category.isBlank() ? null : category,
                department);
        var found = cases.list(actor.workspaceId(), query, new Paging(Math.max(0, page), Paging.DEFAULT_SIZE));
        model.addAttribute("cases", found);
        // the last 90 days' figures above the queue
        var since = clock.instant().minus(java.time.Duration.ofDays(90));
        var figures = cases.figures(actor.workspaceId(), since, clock.instant());
        model.addAttribute("figures", figures.total());
        model.addAttribute("promisesKept", figures.promisesKept());
        model.addAttribute("figuresFrom", java.time.LocalDate.ofInstant(since, actor.timeZone()));
        model.addAttribute(
                "people",
                customers.byIds(
                        actor.workspaceId(),
                        found.items().stream().map(c -> c.customerId()).toList()));
        model.addAttribute("status", status);
        model.addAttribute("severity", severity);
        model.addAttribute("category", category);
        model.addAttribute("department", department);
        model.addAttribute("departments", org.opencxm.platform.Department.values());
        model.addAttribute("who", who);
        model.addAttribute("assignees", assignments.assignees(actor.workspaceId()));
        model.addAttribute("views", views.of(actor));
        return "cases/queue";
    }

    @GetMapping("/{id}")
    @AnyRole
    String show(Actor actor, @PathVariable UUID id, Model model) {
        var shown = cases.get(actor.workspaceId(), new CaseId(id));
        model.addAttribute("supportCase", shown);
        model.addAttribute("entries", cases.entries(actor.workspaceId(), shown.id()));
        var profile = customers.profile(actor.workspaceId(), shown.customerId());
        model.addAttribute("customer", profile.customer());
        var language = templates.language(actor.workspaceId(), profile);
        model.addAttribute("replyLanguage", language);
        model.addAttribute("replyTemplates", templates.in(language));
        model.addAttribute(
                "otherCases",
                cases.ofCustomer(actor.workspaceId(), shown.customerId()).stream()
                        .filter(o -> !o.id().equals(shown.id()))
                        .limit(5)
                        .toList());
        model.addAttribute("recent", customers.timeline(actor.workspaceId(), shown.customerId(), null, null, 10));
        model.addAttribute(
                "earlier", shown.repeatOf() == null ? null : cases.get(actor.workspaceId(), shown.repeatOf()));
        model.addAttribute("next", CaseTransitions.next(shown.status()));
        model.addAttribute("promises", promises.of(actor.workspaceId(), shown.id()));
        return "cases/case";
    }

    @PostMapping("/{id}/status")
    @WorksCases
    String move(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam CaseStatus status,
            @RequestParam int version,
            Model model,
            HttpServletResponse response) {
        return change(
                actor,
                id,
                model,
                response,
                () -> cases.move(actor.workspaceId(), new CaseId(id), status, version, actor));
    }

    @PostMapping("/{id}/assignee")
    @WorksCases
    String take(
            Actor actor, @PathVariable UUID id, @RequestParam int version, Model model, HttpServletResponse response) {
        return change(
                actor,
                id,
                model,
                response,
                () -> cases.assignToMe(actor.workspaceId(), new CaseId(id), version, actor));
    }

    @PostMapping("/{id}/severity")
    @WorksCases
    String rate(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam Severity severity,
            @RequestParam int version,
            Model model,
            HttpServletResponse response) {
        return change(
                actor,
                id,
                model,
                response,
                () -> cases.rate(actor.workspaceId(), new CaseId(id), severity, version, actor));
    }

    @PostMapping("/{id}/category")
    @WorksCases
    String file(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam String category,
            @RequestParam int version,
            Model model,
            HttpServletResponse response) {
        return change(
                actor,
                id,
                model,
                response,
                () -> cases.file(actor.workspaceId(), new CaseId(id), category, version, actor));
    }

    @PostMapping("/{id}/notes")
    @WorksCases
    String note(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String note,
            Model model,
            HttpServletResponse response) {
        return change(actor, id, model, response, () -> {
            cases.note(actor.workspaceId(), new CaseId(id), note, actor);
            return null;
        });
    }

    /** An answer to the customer by e-mail; left empty, the chosen template is sent as it is. */
    @PostMapping("/{id}/replies")
    @WorksCases
    String reply(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String template,
            @RequestParam(defaultValue = "false") boolean waitForCustomer,
            Model model,
            HttpServletResponse response) {
        var body = text.isBlank() ? template : text;
        model.addAttribute("replyText", body);
        return change(
                actor,
                id,
                model,
                response,
                () -> conversation.reply(actor.workspaceId(), new CaseId(id), body, waitForCustomer, actor));
    }

    @PostMapping("/{id}/promises")
    @WorksCases
    String promise(
            Actor actor,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String what,
            @RequestParam(defaultValue = "") String due,
            Model model,
            HttpServletResponse response) {
        return change(
                actor, id, model, response, () -> promises.make(actor.workspaceId(), new CaseId(id), what, due, actor));
    }

    @PostMapping("/{id}/promises/{promise}/kept")
    @WorksCases
    String kept(
            Actor actor, @PathVariable UUID id, @PathVariable UUID promise, Model model, HttpServletResponse response) {
        return change(actor, id, model, response, () -> {
            promises.keep(actor.workspaceId(), new CaseId(id), promise, actor);
            return null;
        });
    }

    /** The customer page's cases: loaded into it by htmx, or shown on its own where JavaScript is off. */
    @GetMapping("/customers/{id}")
    @AnyRole
    String ofCustomer(
            Actor actor,
            @PathVariable UUID id,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        var customer =
                customers.profile(actor.workspaceId(), new CustomerId(id)).customer();
        model.addAttribute("customer", customer);
        model.addAttribute("customerCases", cases.ofCustomer(actor.workspaceId(), customer.id()));
        return htmx != null ? "cases/customer :: cases" : "cases/customer";
    }

    private String change(
            Actor actor, UUID id, Model model, HttpServletResponse response, java.util.function.Supplier<?> change) {
        try {
            change.get();
            return "redirect:/cases/" + id;
        } catch (InvalidInputException e) {
            problems(e, model);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(actor, id, model);
        }
    }

    static void problems(InvalidInputException e, Model model) {
        model.addAttribute("problems", e.byField());
    }
}
