package org.opencxm.cases.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.opencxm.cases.CaseEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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
    private final int silenceDays;

    CaseDeadlines(
            CaseStore cases,
            CaseAlarmStore alarms,
            PromiseStore promises,
            CaseEntryStore entries,
            CaseCalendars calendars,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${opencxm.cases.silence-days:3}") int silenceDays) {
        this.cases = cases;
        this.alarms = alarms;
        this.promises = promises;
        this.entries = entries;
        this.calendars = calendars;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.silenceDays = silenceDays;
    }

    /** Raises every alarm due now; returns how many. */
    public int sweep() {
        var now = clock.instant();
        int raised = 0;
        while (true) {
            var due = cases.alarmsDue(now, BULK);
            for (var each : due) {
                try {
                    Integer count = transactions.execute(tx -> look(each, now));
                    raised += count == null ? 0 : count;
                } catch (RuntimeException e) {
                    log.warn("The deadlines of a case could not be checked: {}", e.toString());
                    transactions.executeWithoutResult(
                            tx -> cases.alarmAt(each.workspace(), each.id(), now.plus(RETRY)));
                }
            }
            if (due.size() < BULK) {
                return raised;
            }
        }
    }

    private int look(CaseStore.Due due, Instant now) {
        var watched = cases.watch(due.workspace(), due.id()).orElse(null);
        if (watched == null) {
            return 0;
        }
        var workspace = due.workspace();
        var supportCase = watched.view();
        var rules = new CaseAlarms(calendars.of(workspace), silenceDays);
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
