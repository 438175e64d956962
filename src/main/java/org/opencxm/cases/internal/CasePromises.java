package org.opencxm.cases.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.cases.CaseEntry;
import org.opencxm.cases.CaseId;
import org.opencxm.cases.Cases;
import org.opencxm.platform.Actor;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.Ids;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.common.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Promises agents make to customers on open cases ("Rückruf bis Freitag 12 Uhr"), and keeping
 * them. Making and keeping are written on the case; the deadline sweep reminds the agent an hour
 * before and, once the due time passed unkept, marks the promise overdue and apologises to the
 * customer. "Promises kept" counts those kept by their due time.
 */
@Service
public class CasePromises {

    static final int WHAT_LENGTH = 500;

    /** Further out than this nobody promises anything; mostly a typo in the year. */
    static final Duration FURTHEST = Duration.ofDays(366);

    private final Cases cases;
    private final PromiseStore promises;
    private final CaseEntryStore entries;
    private final CaseStore store;
    private final Clock clock;

    CasePromises(Cases cases, PromiseStore promises, CaseEntryStore entries, CaseStore store, Clock clock) {
        this.cases = cases;
        this.promises = promises;
        this.entries = entries;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Records the promise.
     *
     * @param due when it is due, as the agent typed it ({@code 2026-12-04T12:00}), in their time zone
     */
    @Transactional
    public CasePromise make(
            WorkspaceId workspace, CaseId caseId, @Nullable String what, @Nullable String due, Actor by) {
        var supportCase = cases.get(workspace, caseId);
        var problems = new java.util.ArrayList<InvalidInputException.Problem>();
        var text = what == null ? "" : what.strip();
        if (text.isEmpty() || text.length() > WHAT_LENGTH) {
            problems.add(new InvalidInputException.Problem("what", "case.invalid.promise"));
        }
        var now = clock.instant();
        var dueAt = parse(due, by.timeZone());
        if (dueAt == null || !dueAt.isAfter(now) || dueAt.isAfter(now.plus(FURTHEST))) {
            problems.add(new InvalidInputException.Problem("due", "case.invalid.promiseDue"));
        }
        if (!supportCase.status().open()) {
            problems.add(new InvalidInputException.Problem("what", "case.invalid.promiseClosed"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        var promise = new CasePromise(
                Ids.next(),
                caseId,
                text,
                java.util.Objects.requireNonNull(dueAt),
                by.userId(),
                by.name(),
                by.department(),
                now,
                null);
        promises.insert(workspace, promise);
        entries.append(
                workspace,
                caseId,
                new CaseEntry(CaseEntry.Kind.PROMISE, text, null, "MADE", by.name(), now),
                by.userId());
        store.alarmAt(workspace, caseId, now);
        return promise;
    }

    /** The promise was kept: now, which counts as kept if it is not past its due time. */
    @Transactional
    public void keep(WorkspaceId workspace, CaseId caseId, UUID promiseId, Actor by) {
        var promise = promises.find(workspace, caseId, promiseId)
                .orElseThrow(() -> new NotFoundException("promise", promiseId));
        var now = clock.instant();
        if (!promises.keep(workspace, caseId, promiseId, now)) {
            return;
        }
        entries.append(
                workspace,
                caseId,
                new CaseEntry(
                        CaseEntry.Kind.PROMISE,
                        promise.what(),
                        null,
                        now.isAfter(promise.dueAt()) ? "KEPT_LATE" : "KEPT",
                        by.name(),
                        now),
                by.userId());
        store.alarmAt(workspace, caseId, now);
    }

    @Transactional(readOnly = true)
    public List<CasePromise> of(WorkspaceId workspace, CaseId caseId) {
        cases.get(workspace, caseId);
        return promises.of(workspace, caseId);
    }

    private static @Nullable Instant parse(@Nullable String due, ZoneId zone) {
        if (due == null || due.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(due.strip()).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(due.strip()).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
