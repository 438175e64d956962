package org.opencxm.cases.internal;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opencxm.cases.CaseEntry;
import org.opencxm.cases.CaseId;
import org.opencxm.cases.CaseStatus;
import org.opencxm.cases.CaseView;
import org.opencxm.cases.Severity;
import org.opencxm.platform.UserId;
import org.opencxm.platform.common.InvalidInputException;

/**
 * A case as it changes: it moves only as {@link CaseTransitions} allows, remembers when it was
 * first answered and resolved, counts reopenings, and keeps its service times: due dates from
 * {@link ServiceLevels} that stop while it waits for the customer and follow a change of
 * severity. Each change returns the entry that records it on the case.
 */
public final class SupportCase {

    private final CaseView stored;
    private final ServiceLevels levels;
    private CaseStatus status;
    private Severity severity;
    private String category;
    private @Nullable UserId assignee;
    private @Nullable String assigneeName;
    private @Nullable Instant firstResponseAt;
    private @Nullable Instant resolvedAt;
    private @Nullable Instant firstResponseDue;
    private @Nullable Instant resolutionDue;
    private @Nullable Instant pausedAt;
    private Duration waited;
    private int reopened;

    private SupportCase(CaseView stored, ServiceLevels levels) {
        this.stored = stored;
        this.levels = levels;
        this.status = stored.status();
        this.severity = stored.severity();
        this.category = stored.category();
        this.assignee = stored.assigneeId();
        this.assigneeName = stored.assigneeName();
        this.firstResponseAt = stored.firstResponseAt();
        this.resolvedAt = stored.resolvedAt();
        this.firstResponseDue = stored.firstResponseDue();
        this.resolutionDue = stored.resolutionDue();
        this.pausedAt = stored.pausedAt();
        this.waited = Duration.ofSeconds(stored.waitedSeconds());
        this.reopened = stored.reopened();
    }

    public static SupportCase of(CaseView stored, ServiceLevels levels) {
        return new SupportCase(stored, levels);
    }

    /** A new case's due dates, from its severity and the moment it was opened. */
    public static CaseView scheduled(CaseView opened, ServiceLevels levels) {
        var supportCase = new SupportCase(opened, levels);
        supportCase.schedule();
        return supportCase.view();
    }

    public CaseId id() {
        return stored.id();
    }

    /** Moves the case, or refuses with the reason as a field problem of {@code status}. */
    public CaseEntry move(CaseStatus to, @Nullable String author, Instant at) {
        var from = status;
        var decision = CaseTransitions.decide(from, to);
        if (decision instanceof CaseTransitions.Refused refused) {
            throw new InvalidInputException("status", refused.messageKey());
        }
        boolean reopens = ((CaseTransitions.Allowed) decision).reopens();
        if (from == CaseStatus.NEW && firstResponseAt == null) {
            // leaving "new" is the first answer the customer gets
            firstResponseAt = at;
        }
        if (from == CaseStatus.WAITING_FOR_CUSTOMER && pausedAt != null) {
            waited = waited.plus(levels.workingTime(pausedAt, at));
            pausedAt = null;
            schedule();
        }
        if (to == CaseStatus.WAITING_FOR_CUSTOMER) {
            pausedAt = at;
        }
        if (reopens && resolvedAt != null) {
            // between resolution and reopening it was the customer's turn: that time does not count
            waited = waited.plus(levels.workingTime(resolvedAt, at));
            schedule();
        }
        resolvedAt = to == CaseStatus.RESOLVED ? at : reopens ? null : resolvedAt;
        reopened += reopens ? 1 : 0;
        status = to;
        return new CaseEntry(CaseEntry.Kind.STATUS, null, from.name(), to.name(), author, at);
    }

    public CaseEntry assign(UserId to, String name, @Nullable String author, Instant at) {
        var before = assigneeName;
        assignee = to;
        assigneeName = name;
        return new CaseEntry(CaseEntry.Kind.ASSIGNED, null, before, name, author, at);
    }

    /** A new severity, and the service times that go with it, counted from the opening. */
    public CaseEntry rate(Severity to, @Nullable String author, Instant at) {
        var before = severity;
        severity = to;
        schedule();
        return new CaseEntry(CaseEntry.Kind.SEVERITY, null, before.name(), to.name(), author, at);
    }

    /** Refiles the case under one of the taxonomy's open categories. */
    public CaseEntry file(String to, CaseCategories taxonomy, @Nullable String author, Instant at) {
        if (!taxonomy.known(to)) {
            throw new InvalidInputException("category", "case.invalid.category");
        }
        var before = category;
        category = to;
        return new CaseEntry(CaseEntry.Kind.CATEGORY, null, before, to, author, at);
    }

    public boolean changes(Severity to) {
        return severity != to;
    }

    public boolean changes(String to) {
        return !category.equals(to);
    }

    public CaseView view() {
        return new CaseView(
                stored.id(),
                stored.number(),
                stored.customerId(),
                stored.subject(),
                category,
                severity,
                status,
                stored.source(),
                stored.sourceRef(),
                stored.touchpointId(),
                stored.department(),
                assignee,
                assigneeName,
                stored.repeatOf(),
                stored.openedAt(),
                firstResponseAt,
                resolvedAt,
                firstResponseDue,
                resolutionDue,
                pausedAt,
                waited.toSeconds(),
                reopened,
                stored.version());
    }

    /**
     * How long the first answer and the resolution took in working time, the waiting for the
     * customer left out; {@code null} for what has not happened yet.
     */
    public Worked worked() {
        var opened = stored.openedAt();
        return new Worked(
                firstResponseAt == null ? null : levels.workingTime(opened, firstResponseAt),
                resolvedAt == null
                        ? null
                        : positive(levels.workingTime(opened, resolvedAt).minus(waited)));
    }

    /** Working time to the first answer and to the resolution, each once it happened. */
    public record Worked(
            @Nullable Duration firstResponse, @Nullable Duration resolution) {}

    private static Duration positive(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    private void schedule() {
        firstResponseDue = levels.firstResponseDue(stored.openedAt(), severity);
        resolutionDue = levels.resolutionDue(stored.openedAt(), severity, waited);
    }
}
