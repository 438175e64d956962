package org.opencxm.cases.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.opencxm.cases.CaseEntry;
import org.opencxm.platform.WorkspaceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The deadline sweep: looks at the cases whose next alarm is due (an index on it, so 100,000 open
 * cases cost what the due ones cost), raises what {@link CaseAlarms} calls for, once, and plans
 * the next look. Each case in a transaction of its own, under a row lock a parallel sweep skips;
 * the alarm's record and the case's next look commit together, so a sweep that dies halfway
 * raises the rest next time and nothing twice. Run by the durable job {@link CaseJobs}.
 */
@Component
public class CaseDeadlines {

    static final int BULK = 500;

    /** A case whose look failed is looked at again after this, not in a loop. */
    static final Duration RETRY = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(CaseDeadlines.class);

    private final CaseStore cases;
    private final CaseAlarmStore alarms;
    private final PromiseStore promises;
    private final CaseEntryStore entries;
    private final CaseCalendars calendars;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CaseDeadlines(
            CaseStore cases,
            CaseAlarmStore alarms,
            PromiseStore promises,
            CaseEntryStore entries,
            CaseCalendars calendars,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock) {
        this.cases = cases;
        this.alarms = alarms;
        this.promises = promises;
        this.entries = entries;
        this.calendars = calendars;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Raises every alarm due now; returns how many. (A look answers -1 for a case another sweep holds.) */
    public int sweep() {
        var now = clock.instant();
        var started = System.nanoTime();
        int raised = 0;
        int looked = 0;
        var rules = new java.util.HashMap<WorkspaceId, CaseAlarms>();
        while (true) {
            var due = cases.alarmsDue(now, BULK);
            looked += due.size();
            int skipped = 0;
            for (var each : due) {
                try {
                    Integer count = transactions.execute(tx -> look(each, now, rules));
                    skipped += count == null || count < 0 ? 1 : 0;
                    raised += count == null || count < 0 ? 0 : count;
                } catch (RuntimeException e) {
                    // the class only: a database error's detail can quote the row, customer text included
                    log.warn(
                            "The deadlines of case {} could not be checked: {}",
                            each.id(),
                            e.getClass().getSimpleName());
                    log.debug("Deadline check failed", e);
                    transactions.executeWithoutResult(
                            tx -> cases.alarmAt(each.workspace(), each.id(), now.plus(RETRY)));
                }
            }
            // a whole batch held by other sweeps is theirs to finish; the next sweep sees what is left
            if (due.size() < BULK || skipped == due.size()) {
                if (looked > 0) {
                    // counts only: how long the sweep takes is what operators watch (docs/performance.md)
                    log.info(
                            "Deadline sweep: {} cases looked at, {} alarms raised in {} ms",
                            looked,
                            raised,
                            (System.nanoTime() - started) / 1_000_000);
                }
                return raised;
            }
        }
    }

    private int look(CaseStore.Due due, Instant now, java.util.Map<WorkspaceId, CaseAlarms> rulesOf) {
        var watched = cases.watch(due.workspace(), due.id()).orElse(null);
        if (watched == null) {
            // another sweep holds the case
            return -1;
        }
        var workspace = due.workspace();
        var supportCase = watched.view();
        // one workspace's rules serve all its cases of this sweep (its calendar is read once)
        var rules = rulesOf.computeIfAbsent(
                workspace,
                w -> new CaseAlarms(calendars.of(w), calendars.settings(w).silenceDays()));
        var decision = rules.decide(
                supportCase,
                watched.lastUpdate(),
                promises.of(workspace, supportCase.id()),
                alarms.raised(workspace, supportCase.id()),
                now);
        int raised = 0;
        for (var alarm : decision.due()) {
            if (!alarms.raise(workspace, supportCase.id(), alarm.occasion(), alarm.dueAt(), now)) {
                continue;
            }
            if (alarm.quiet()) {
                continue;
            }
            raised++;
            var breach = alarm.kind() == CaseAlarms.Kind.FIRST_RESPONSE_BREACH
                    || alarm.kind() == CaseAlarms.Kind.RESOLUTION_BREACH;
            if (breach) {
                cases.escalate(workspace, supportCase.id());
            }
            var promise = alarm.promise();
            entries.append(
                    workspace,
                    supportCase.id(),
                    new CaseEntry(
                            breach ? CaseEntry.Kind.ESCALATED : CaseEntry.Kind.ALERT,
                            promise == null ? null : promise.what(),
                            null,
                            alarm.kind().name(),
                            null,
                            now),
                    null);
            events.publishEvent(new CaseAlarmRaised(
                    workspace,
                    supportCase.id(),
                    alarm.kind(),
                    alarm.occasion(),
                    promise == null ? null : promise.id()));
        }
        cases.alarmAt(workspace, supportCase.id(), decision.next());
        return raised;
    }
}
