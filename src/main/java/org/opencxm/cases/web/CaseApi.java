package org.opencxm.cases.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.cases.CaseEntry;
import org.opencxm.cases.CaseFigures;
import org.opencxm.cases.CaseId;
import org.opencxm.cases.CaseQuery;
import org.opencxm.cases.CaseStatus;
import org.opencxm.cases.CaseView;
import org.opencxm.cases.Cases;
import org.opencxm.cases.NewCase;
import org.opencxm.cases.Severity;
import org.opencxm.cases.internal.CaseConversation;
import org.opencxm.customers.CustomerId;
import org.opencxm.customers.Customers;
import org.opencxm.platform.Actor;
import org.opencxm.platform.AnyRole;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.common.Paging;
import org.opencxm.platform.common.ResultPage;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Cases", description = "Complaint cases: the queue, each case's history, and working on them")
class CaseApi {

    /** A move, based on the {@code version} the caller read (a stale one is a 400 naming the field). */
    record Move(@Nullable CaseStatus status, @Nullable Integer version) {}

    record Note(@Nullable String note) {}

    /** @param waitForCustomer the case then waits for the customer's answer, its clock stopped */
    record Reply(@Nullable String text, @Nullable Boolean waitForCustomer) {}

    private final Cases cases;
    private final CaseConversation conversation;
    private final Customers customers;

    private final Clock clock;

    CaseApi(Cases cases, CaseConversation conversation, Customers customers, Clock clock) {
        this.clock = clock;
        this.cases = cases;
        this.conversation = conversation;
        this.customers = customers;
    }

    /**
     * Open cases (or one status), what is due first first; {@code assignee}: me (not for tokens)
     * or nobody; {@code due}: overdue, or today (in UTC for tokens).
     */
    @GetMapping("/cases")
    @AnyRole
    ResultPage<CaseView> queue(
            Actor actor,
            @RequestParam(required = false) @Nullable CaseStatus status,
            @RequestParam(required = false) @Nullable Severity severity,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String assignee,
            @RequestParam(required = false) org.opencxm.platform.@Nullable Department department,
            @RequestParam(required = false) @Nullable String due,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        var dueBy = CaseDue.of(due);
        if ("me".equals(assignee) && actor.userId() == null) {
            throw new InvalidInputException("assignee", "case.invalid.assignee");
        }
        var mine = "me".equals(assignee) ? actor.userId() : null;
        return cases.list(
                actor.workspaceId(),
                new CaseQuery(
                        status,
                        severity,
                        mine,
                        "nobody".equals(assignee),
                        category,
                        department,
                        dueBy == null ? null : dueBy.before(clock, actor.timeZone())),
                new Paging(page, size));
    }

    /**
     * How the cases opened in the period went (default: the last 90 days), in all and split by
     * severity, category, department, touchpoint and first or repeat.
     */
    @GetMapping("/cases/figures")
    @AnyRole
    CaseFigures figures(
            Actor actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        var period = CasePeriod.of(from, to, actor.timeZone(), clock);
        return cases.figures(actor.workspaceId(), period.start(), period.end());
    }

    @GetMapping("/cases/{id}")
    @AnyRole
    CaseView get(Actor actor, @PathVariable UUID id) {
        return cases.get(actor.workspaceId(), new CaseId(id));
    }

    /** What happened on the case, oldest first. */
    @GetMapping("/cases/{id}/entries")
    @AnyRole
    List<CaseEntry> entries(Actor actor, @PathVariable UUID id) {
        return cases.entries(actor.workspaceId(), new CaseId(id));
    }

    @PostMapping("/cases")
    @WorksCases
    ResponseEntity<CaseView> open(Actor actor, @RequestBody NewCase body) {
        var opened = cases.open(actor.workspaceId(), body, actor);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + opened.id()))
                .body(opened);
    }

    @PostMapping("/cases/{id}/status")
    @WorksCases
    CaseView move(Actor actor, @PathVariable UUID id, @RequestBody Move body) {
        if (body.status() == null) {
            throw new InvalidInputException("status", "case.invalid.transition");
        }
        if (body.version() == null) {
            throw new InvalidInputException("version", "case.invalid.stale");
        }
        return cases.move(actor.workspaceId(), new CaseId(id), body.status(), body.version(), actor);
    }

    /** An internal note, for colleagues. */
    @PostMapping("/cases/{id}/notes")
    @WorksCases
    ResponseEntity<Void> note(Actor actor, @PathVariable UUID id, @RequestBody Note body) {
        cases.note(actor.workspaceId(), new CaseId(id), body.note() == null ? "" : body.note(), actor);
        return ResponseEntity.noContent().build();
    }

    /**
     * An answer to the customer by e-mail, with the case's reply address; the answer is on the
     * case. 400 when it could not be sent (no address, no mail server), and nothing is written.
     */
    @PostMapping("/cases/{id}/replies")
    @WorksCases
    CaseView reply(Actor actor, @PathVariable UUID id, @RequestBody Reply body) {
        return conversation.reply(
                actor.workspaceId(),
                new CaseId(id),
                body.text() == null ? "" : body.text(),
                Boolean.TRUE.equals(body.waitForCustomer()),
                actor);
    }

    /** The customer's latest cases, newest first. */
    @GetMapping("/customers/{id}/cases")
    @AnyRole
    List<CaseView> ofCustomer(Actor actor, @PathVariable UUID id) {
        var customer =
                customers.profile(actor.workspaceId(), new CustomerId(id)).customer();
        return cases.ofCustomer(actor.workspaceId(), customer.id());
    }
}
