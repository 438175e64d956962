package org.opencxm.cases.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opencxm.cases.CaseStatus;
import org.opencxm.cases.CaseView;

/**
 * What a case's deadlines call for, and when: the rules of the deadline sweep.
 *
 * <ul>
 *   <li><b>Warning</b>: three quarters of the working time to the first answer or to the
 *       resolution are gone, and the case is not there yet; the assignee and the queue see it.
 *   <li><b>Breach</b>: the due time passed; the case is escalated (raised in the queue, the
 *       department's leads hear of it) and, for the resolution, the customer is told that the
 *       date we gave them slipped.
 *   <li><b>Silence</b>: the customer heard nothing from us for its severity’s update interval while
 *       it is our turn; they get an update.
 *   <li><b>Promise reminder</b> an hour before a promise is due, <b>promise overdue</b> at its
 *       due time, unless it was kept; an overdue promise is apologised for to the customer.
 * </ul>
 *
 * Each alarm has an occasion that names it once per case: the resolution's alarms once per round
 * of work (a reopened case can warn again), a silence once per moment it counts from, a promise's
 * once per promise. An occasion already raised is never raised again.
 */
public final class CaseAlarms {

    /** Warnings come when this share of the working time to a due date is gone. */
    static final double WARN_AT = 0.75;

    static final Duration PROMISE_REMINDER = Duration.ofHours(1);

    /** What an alarm does; the sweep acts on each kind. */
    public enum Kind {
        FIRST_RESPONSE_WARNING,
        FIRST_RESPONSE_BREACH,
        RESOLUTION_WARNING,
        RESOLUTION_BREACH,
        SILENCE,
        PROMISE_REMINDER,
        PROMISE_OVERDUE
    }

    /**
     * An alarm of a case: what, under which once-only name, from when.
     *
     * @param quiet recorded as raised, but nobody is told: a later alarm due at the same look says
     *     more (a warning whose breach is due too, after the sweep did not run for a while)
     */
    public record Alarm(
            Kind kind,
            String occasion,
            Instant dueAt,
            @Nullable CasePromise promise,
            boolean quiet) {

        Alarm(Kind kind, String occasion, Instant dueAt, @Nullable CasePromise promise) {
            this(kind, occasion, dueAt, promise, false);
        }

        Alarm quietly() {
            return new Alarm(kind, occasion, dueAt, promise, true);
        }
    }

    /**
     * What is due now and when the case needs looking at next.
     *
     * @param next the earliest alarm still to come, or {@code null} if none is
     */
    public record Decision(List<Alarm> due, @Nullable Instant next) {}

    private final ServiceLevels levels;

    /** By these service levels, the update interval of each severity among them. */
    public CaseAlarms(ServiceLevels levels) {
        this.levels = levels;
    }

    /**
     * @param lastUpdate when the customer last heard from us (the case's opening if never)
     * @param raised the occasions raised on the case already
     */
    public Decision decide(
            CaseView supportCase,
            @Nullable Instant lastUpdate,
            List<CasePromise> promises,
            Set<String> raised,
            Instant now) {
        var due = new ArrayList<Alarm>();
        Instant next = null;
        for (var alarm : candidates(supportCase, lastUpdate, promises)) {
            if (raised.contains(alarm.occasion())) {
                continue;
            }
            if (!alarm.dueAt().isAfter(now)) {
                due.add(alarm);
            } else if (next == null || alarm.dueAt().isBefore(next)) {
                next = alarm.dueAt();
            }
        }
        due.sort(Comparator.comparing(Alarm::dueAt));
        return new Decision(
                due.stream().map(a -> superseded(a, due) ? a.quietly() : a).toList(), next);
    }

    /**
     * A warning whose breach is due as well, a reminder of a promise already overdue, a silence
     * when a breach or an overdue promise tells the customer anyway: said by the later alarm.
     */
    private static boolean superseded(Alarm alarm, List<Alarm> due) {
        return switch (alarm.kind()) {
            case FIRST_RESPONSE_WARNING -> has(due, Kind.FIRST_RESPONSE_BREACH, null);
            case RESOLUTION_WARNING -> has(due, Kind.RESOLUTION_BREACH, null);
            case PROMISE_REMINDER -> has(due, Kind.PROMISE_OVERDUE, alarm.promise());
            case SILENCE -> has(due, Kind.RESOLUTION_BREACH, null) || has(due, Kind.PROMISE_OVERDUE, null);
            default -> false;
        };
    }

    private static boolean has(List<Alarm> due, Kind kind, @Nullable CasePromise promise) {
        return due.stream().anyMatch(a -> a.kind() == kind && (promise == null || promise.equals(a.promise())));
    }

    private List<Alarm> candidates(CaseView c, @Nullable Instant lastUpdate, List<CasePromise> promises) {
        var alarms = new ArrayList<Alarm>();
        if (!c.status().open()) {
            return alarms;
        }
        var targets = levels.targets(c.severity());
        if (c.firstResponseAt() == null && c.firstResponseDue() != null) {
            alarms.add(new Alarm(
                    Kind.FIRST_RESPONSE_WARNING,
                    "first-response-warning",
                    levels.workingTimeAfter(c.openedAt(), share(targets.firstResponse())),
                    null));
            alarms.add(new Alarm(Kind.FIRST_RESPONSE_BREACH, "first-response-breach", c.firstResponseDue(), null));
        }
        boolean ourTurn = c.status() != CaseStatus.WAITING_FOR_CUSTOMER;
        if (ourTurn && c.resolutionDue() != null) {
            var round = "-" + c.reopened();
            var resolution = levels.dayLength().multipliedBy(targets.resolutionDays());
            alarms.add(new Alarm(
                    Kind.RESOLUTION_WARNING,
                    "resolution-warning" + round,
                    levels.workingTimeAfter(
                            c.openedAt(), share(resolution).plus(Duration.ofSeconds(c.waitedSeconds()))),
                    null));
            alarms.add(new Alarm(Kind.RESOLUTION_BREACH, "resolution-breach" + round, c.resolutionDue(), null));
        }
        if (ourTurn) {
            var since = lastUpdate == null || lastUpdate.isBefore(c.openedAt()) ? c.openedAt() : lastUpdate;
            var silence = levels.dayLength().multipliedBy(targets.updateDays());
            var at = levels.workingTimeAfter(since, silence);
            alarms.add(new Alarm(Kind.SILENCE, "silence-" + at.getEpochSecond(), at, null));
        }
        for (var promise : promises) {
            if (promise.kept()) {
                continue;
            }
            var remind = promise.dueAt().minus(PROMISE_REMINDER);
            if (remind.isAfter(promise.madeAt())) {
                // a promise due within the hour needs no reminder: it was just made
                alarms.add(new Alarm(Kind.PROMISE_REMINDER, "promise-reminder-" + promise.id(), remind, promise));
            }
            alarms.add(new Alarm(Kind.PROMISE_OVERDUE, "promise-overdue-" + promise.id(), promise.dueAt(), promise));
        }
        return alarms;
    }

    private static Duration share(Duration whole) {
        return Duration.ofSeconds(Math.round(whole.toSeconds() * WARN_AT));
    }
}
