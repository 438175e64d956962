package org.opencxm.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opencxm.cases.internal.CaseChanges;
import org.opencxm.cases.internal.CaseEntryStore;
import org.opencxm.cases.internal.CaseHistory;
import org.opencxm.cases.internal.CaseOpenings;
import org.opencxm.cases.internal.CaseQueueStore;
import org.opencxm.cases.internal.CaseReports;
import org.opencxm.cases.internal.CaseRules;
import org.opencxm.cases.internal.CaseStore;
import org.opencxm.customers.CustomerId;
import org.opencxm.customers.Customers;
import org.opencxm.platform.Actor;
import org.opencxm.platform.Department;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.common.NotFoundException;
import org.opencxm.platform.common.Paging;
import org.opencxm.platform.common.ResultPage;
import org.opencxm.touchpoints.TouchpointId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases: opened by hand or raised by a complaint or a low answer (once per source), worked
 * through their statuses, noted on, assigned, rated and refiled. Every change is written on the
 * case with who made it; a change made on a stale copy is refused, not merged.
 */
@Service
public class Cases {

    public static final int SUBJECT_LENGTH = 200;
    static final int NOTE_LENGTH = 10_000;

    private final CaseStore store;
    private final CaseQueueStore queue;
    private final CaseEntryStore entries;
    private final CaseReports reports;
    private final CaseRules rules;
    private final CaseHistory history;
    private final CaseOpenings openings;
    private final CaseChanges changes;
    private final Customers customers;

    private final Clock clock;

    Cases(
            CaseStore store,
            CaseQueueStore queue,
            CaseEntryStore entries,
            CaseReports reports,
            CaseRules rules,
            CaseHistory history,
            CaseOpenings openings,
            CaseChanges changes,
            Customers customers,
            Clock clock) {
        this.store = store;
        this.queue = queue;
        this.entries = entries;
        this.reports = reports;
        this.rules = rules;
        this.history = history;
        this.openings = openings;
        this.changes = changes;
        this.customers = customers;

        this.clock = clock;
    }

    /** An agent opens a case for a customer, in their own department. */
    @Transactional
    public CaseView open(WorkspaceId workspace, NewCase request, Actor by) {
        if (request.customerId() == null) {
            throw new InvalidInputException("customerId", "case.invalid.customer");
        }
        var subject = request.subject() == null ? "" : request.subject().strip();
        if (subject.isEmpty() || subject.length() > SUBJECT_LENGTH) {
            throw new InvalidInputException("subject", "case.invalid.subject");
        }
        var category = request.category();
        if (category == null || !rules.categories(workspace).known(category)) {
            throw new InvalidInputException("category", "case.invalid.category");
        }
        var note = checkedNote(request.note(), true);
        var customer =
                customers.profile(workspace, request.customerId()).customer().id();
        var severity = request.severity() == null ? Severity.MEDIUM : request.severity();
        return openings.open(
                        workspace,
                        customer,
                        subject,
                        category,
                        severity,
                        CaseSource.AGENT,
                        null,
                        null,
                        by.department(),
                        note,
                        by)
                .orElseThrow();
    }

    /**
     * A case raised by a complaint or an answer, filed with the service department; empty if
     * this source raised one already.
     */
    @Transactional
    public Optional<CaseView> raise(
            WorkspaceId workspace,
            CustomerId customer,
            String subject,
            @Nullable String category,
            Severity severity,
            CaseSource source,
            String sourceRef,
            @Nullable TouchpointId touchpoint) {
        var filed = rules.categories(workspace).file(category);
        var cut = subject.length() > SUBJECT_LENGTH ? subject.substring(0, SUBJECT_LENGTH) : subject;
        return openings.open(
                workspace,
                customer,
                cut,
                filed,
                severity,
                source,
                sourceRef,
                touchpoint,
                Department.SERVICE,
                null,
                null);
    }

    @Transactional(readOnly = true)
    public CaseView get(WorkspaceId workspace, CaseId id) {
        return store.find(workspace, id).orElseThrow(() -> new NotFoundException("case", id));
    }

    @Transactional(readOnly = true)
    public List<CaseEntry> entries(WorkspaceId workspace, CaseId id) {
        get(workspace, id);
        return entries.of(workspace, id);
    }

    /** The queue: open cases (or those of one status), what is due first first, waiting cases last. */
    @Transactional(readOnly = true)
    public ResultPage<CaseView> list(WorkspaceId workspace, CaseQuery query, Paging paging) {
        return queue.list(workspace, query, paging);
    }

    /**
     * How the cases opened in {@code [from, to)} went, in all and split by severity, category,
     * department, touchpoint and first or repeat; the promises that came due in it.
     */
    @Transactional(readOnly = true)
    public CaseFigures figures(WorkspaceId workspace, Instant from, Instant to) {
        return reports.figures(workspace, from, to, true);
    }

    /** The totals of {@link #figures} alone, without splits or the complaint rate: the queue's headline. */
    @Transactional(readOnly = true)
    public CaseFigures headline(WorkspaceId workspace, Instant from, Instant to) {
        return reports.figures(workspace, from, to, false);
    }

    /**
     * A case that was worked before OpenCXM saw it (a demo's past, history from another
     * system), with the working times it took: filed and linked as a new case would be, moved at
     * those times, without letters or alarms. Empty if its source recorded one already.
     */
    @Transactional
    public Optional<CaseView> recordPast(WorkspaceId workspace, PastCase past) {
        return history.record(workspace, past);
    }

    /**
     * A case of the past and how it went.
     *
     * @param category a category's key or one of its words, as a complaint names it
     * @param toFirstResponse working time from its opening to the first answer
     * @param toResolution working time from its opening to its resolution
     * @param reopened whether the customer wrote back after a first resolution
     * @param agent who worked it, as the case's entries name them
     */
    public record PastCase(
            CustomerId customer,
            String subject,
            @Nullable String category,
            Severity severity,
            CaseSource source,
            String sourceRef,
            @Nullable TouchpointId touchpoint,
            Instant openedAt,
            Duration toFirstResponse,
            Duration toResolution,
            boolean reopened,
            String agent) {}

    /** Which of these cases missed a due time and were escalated, for the queue's mark. */
    @Transactional(readOnly = true)
    public java.util.Set<CaseId> escalated(WorkspaceId workspace, java.util.Collection<CaseId> ids) {
        return queue.escalated(workspace, ids);
    }

    /** The customer's latest cases, newest first. */
    @Transactional(readOnly = true)
    public List<CaseView> ofCustomer(WorkspaceId workspace, CustomerId customer) {
        return store.ofCustomer(workspace, customer, 20);
    }

    /** Moves the case on, if the move is allowed and nobody changed it since {@code version}. */
    @Transactional
    public CaseView move(WorkspaceId workspace, CaseId id, CaseStatus to, int version, Actor by) {
        var supportCase = changes.current(workspace, id, version);
        var entry = supportCase.move(to, by.name(), clock.instant());
        return changes.save(workspace, supportCase, entry, by.userId());
    }

    @Transactional
    public CaseView assignToMe(WorkspaceId workspace, CaseId id, int version, Actor by) {
        var supportCase = changes.current(workspace, id, version);
        var me = by.userId();
        if (me == null) {
            // a management token is nobody to assign a case to
            throw new InvalidInputException("assignee", "case.invalid.assignee");
        }
        var entry = supportCase.assign(me, by.name(), by.name(), clock.instant());
        return changes.save(workspace, supportCase, entry, by.userId());
    }

    @Transactional
    public CaseView rate(WorkspaceId workspace, CaseId id, Severity severity, int version, Actor by) {
        var supportCase = changes.current(workspace, id, version);
        if (!supportCase.changes(severity)) {
            return supportCase.view();
        }
        return changes.save(
                workspace, supportCase, supportCase.rate(severity, by.name(), clock.instant()), by.userId());
    }

    @Transactional
    public CaseView file(WorkspaceId workspace, CaseId id, String category, int version, Actor by) {
        var supportCase = changes.current(workspace, id, version);
        if (!supportCase.changes(category)) {
            return supportCase.view();
        }
        return changes.save(
                workspace,
                supportCase,
                supportCase.file(category, rules.categories(workspace), by.name(), clock.instant()),
                by.userId());
    }

    /** An internal note: for colleagues, never sent to the customer. */
    @Transactional
    public void note(WorkspaceId workspace, CaseId id, String text, Actor by) {
        get(workspace, id);
        var note = checkedNote(text, false);
        entries.append(
                workspace,
                id,
                new CaseEntry(CaseEntry.Kind.NOTE, note, null, null, by.name(), clock.instant()),
                by.userId());
    }

    private static @Nullable String checkedNote(@Nullable String text, boolean optional) {
        var note = text == null ? "" : text.strip();
        if (note.isEmpty() && optional) {
            return null;
        }
        if (note.isEmpty() || note.length() > NOTE_LENGTH) {
            throw new InvalidInputException("note", "case.invalid.note");
        }
        return note;
    }
}
