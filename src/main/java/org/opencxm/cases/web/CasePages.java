package org.opencxm.cases.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.cases.CaseId;
import org.opencxm.cases.CaseQuery;
import org.opencxm.cases.CaseStatus;
import org.opencxm.cases.CaseView;
import org.opencxm.cases.Cases;
import org.opencxm.cases.Severity;
import org.opencxm.cases.internal.CaseAssignments;
import org.opencxm.cases.internal.SavedViews;
import org.opencxm.customers.CustomerId;
import org.opencxm.customers.Customers;
import org.opencxm.platform.Actor;
import org.opencxm.platform.AnyRole;
import org.opencxm.platform.common.Paging;
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
 * who has them), a case's page ({@link CasePage}) and the moves made on it, and the cases
 * section of a customer's page. Everyone reads; agents, CX managers and
 * admins work on cases.
 */
@Controller
@RequestMapping("/cases")
class CasePages {

    private final Cases cases;
    private final CasePage page;
    private final CaseAssignments assignments;
    private final SavedViews views;
    private final Customers customers;
    private final Clock clock;

    CasePages(
            Cases cases,
            CasePage page,
            CaseAssignments assignments,
            SavedViews views,
            Customers customers,
            Clock clock) {
        this.cases = cases;
        this.page = page;
        this.assignments = assignments;
        this.views = views;
        this.customers = customers;
        this.clock = clock;
    }

    @ModelAttribute
    void choices(Actor actor, Model model) {
        page.choices(actor, model);
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
            @RequestParam(required = false) @Nullable String due,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        var mine = "me".equals(who) && actor.userId() != null ? actor.userId() : null;
        var dueBy = CaseDue.of(due);
        var query = new CaseQuery(
                status,
                severity,
                mine,
                "nobody".equals(who),
                category == null || category.isBlank() ? null : category,
                department,
                dueBy == null ? null : dueBy.before(clock, actor.timeZone()));
        var found = cases.list(actor.workspaceId(), query, new Paging(Math.max(0, page), Paging.DEFAULT_SIZE));
        model.addAttribute("cases", found);
        model.addAttribute(
                "escalated",
                cases.escalated(
                        actor.workspaceId(),
                        found.items().stream().map(CaseView::id).toList()));
        // the last 90 days' figures above the queue
        var since = clock.instant().minus(java.time.Duration.ofDays(90));
        var figures = cases.headline(actor.workspaceId(), since, clock.instant());
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
        model.addAttribute("due", dueBy == null ? "" : dueBy.key());
        this.page.filterChoices(actor, model);
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
        return page.show(actor, id, model);
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
        return page.change(actor, id, model, response, change);
    }
}
