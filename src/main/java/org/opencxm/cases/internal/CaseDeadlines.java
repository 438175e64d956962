package org.opencxm.cases.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opencxm.cases.CaseEntry;
import org.opencxm.cases.CaseId;
import org.opencxm.platform.WorkspaceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The deadline sweep: looks at the cases whose next alarm is due (an index on it, so 100,000 open
 * cases cost what the due ones cost), raises what {@link CaseAlarms} calls for, once, and plans
 * the next look. A round of up to {@link #ROUND} cases shares a transaction and each statement
 * (lock, promises, alarms, entries, next looks), under row locks a parallel sweep skips; the
 * alarms' records and the cases' next looks commit together, so a sweep that dies halfway raises
 * the rest next time and nothing twice. A round that fails is taken again case by case, so one
 * bad case holds up only itself. Run by the durable job {@link CaseJobs}.
 */
@Component
public class CaseDeadlines {

    static final int BULK = 500;

    /** Cases per transaction: the round trips of a round are shared, its locks held briefly. */
    static final int ROUND = 100;

    /** A case whose look failed is looked at again after this, not in a loop. */
    static final Duration RETRY = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(CaseDeadlines.class);

    private final CaseSweepStore sweeps;
    private final CaseStore cases;
    private final CaseAlarmStore alarms;
    private final PromiseStore promises;
    private final CaseEntryStore entries;
    private final CaseCalendars calendars;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CaseDeadlines(
            CaseSweepStore sweeps,
            CaseStore cases,
            CaseAlarmStore alarms,
            PromiseStore promises,
            CaseEntryStore entries,
            CaseCalendars calendars,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock) {
        this.sweeps = sweeps;
        this.cases = cases;
        this.alarms = alarms;
        this.promises = promises;
        this.entries = entries;
        this.calendars = calendars;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What a round came to: alarms raised, and cases another sweep held. */
    private record Looked(int raised, int held) {

        Looked plus(Looked other) {
            return new Looked(raised + other.raised, held + other.held);
        }
    }

    /** Raises every alarm due now; returns how many. */
    public int sweep() {
        var now = clock.instant();
        var started = System.nanoTime();
        int raised = 0;
        int looked = 0;
        var rules = new HashMap<WorkspaceId, CaseAlarms>();
        while (true) {
            var due = sweeps.alarmsDue(now, BULK);
            looked += due.size();
            var batch = new Looked(0, 0);
            for (int from = 0; from < due.size(); from += ROUND) {
                var round = due.subList(from, Math.min(due.size(), from + ROUND));
                try {
                    batch = batch.plus(Objects.requireNonNull(transactions.execute(tx -> look(round, now, rules))));
                } catch (RuntimeException e) {
                    for (var each : round) {
                        batch = batch.plus(alone(each, now, rules));
                    }
                }
            }
            raised += batch.raised();
            // a whole batch held by other sweeps is theirs to finish; the next sweep sees what is left
            if (due.size() < BULK || batch.held() == due.size()) {
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

    /** One case of a round that failed, on its own; if it fails too, it is looked at again later. */
    private Looked alone(CaseSweepStore.Due each, Instant now, Map<WorkspaceId, CaseAlarms> rules) {
        try {
            return Objects.requireNonNull(transactions.execute(tx -> look(List.of(each), now, rules)));
        } catch (RuntimeException e) {
            // the class only: a database error's detail can quote the row, customer text included
            log.warn(
                    "The deadlines of case {} could not be checked: {}",
                    each.id(),
                    e.getClass().getSimpleName());
            log.debug("Deadline check failed", e);
            transactions.executeWithoutResult(tx -> cases.alarmAt(each.workspace(), each.id(), now.plus(RETRY)));
            return new Looked(0, 0);
        }
    }

    private Looked look(List<CaseSweepStore.Due> round, Instant now, Map<WorkspaceId, CaseAlarms> rulesOf) {
        var watched = sweeps.watchAll(round);
        var byId = new HashMap<CaseId, CaseSweepStore.Due>();
        round.forEach(due -> byId.put(due.id(), due));
        var locked = watched.stream().map(w -> byId.get(w.view().id())).toList();
        var promised = promises.ofAll(locked);
        var raisedBefore = alarms.raisedAll(locked);
        var decisions = new LinkedHashMap<CaseSweepStore.Due, CaseAlarms.Decision>();
        var raising = new ArrayList<CaseAlarmStore.Raising>();
        for (int i = 0; i < watched.size(); i++) {
            var due = locked.get(i);
            var supportCase = watched.get(i).view();
            // one workspace's rules serve all its cases of this sweep (its calendar is read once)
            var rules = rulesOf.computeIfAbsent(due.workspace(), w -> new CaseAlarms(calendars.of(w)));
            var decision = rules.decide(
                    supportCase,
                    watched.get(i).lastUpdate(),
                    promised.getOrDefault(supportCase.id(), List.of()),
                    raisedBefore.getOrDefault(supportCase.id(), Set.of()),
                    now);
            decisions.put(due, decision);
            for (var alarm : decision.due()) {
                raising.add(new CaseAlarmStore.Raising(due.workspace(), due.id(), alarm.occasion(), alarm.dueAt()));
            }
        }
        var fresh = alarms.raiseAll(raising, now);
        var escalated = new ArrayList<CaseSweepStore.Due>();
        var written = new ArrayList<CaseEntryStore.OnCase>();
        var announced = new ArrayList<CaseAlarmRaised>();
        var next = new HashMap<CaseSweepStore.Due, @Nullable Instant>();
        decisions.forEach((due, decision) -> {
            for (var alarm : decision.due()) {
                if (!fresh.contains(due.id().value() + "/" + alarm.occasion()) || alarm.quiet()) {
                    continue; // raised before, or said by a later alarm
                }
                var breach = alarm.kind() == CaseAlarms.Kind.FIRST_RESPONSE_BREACH
                        || alarm.kind() == CaseAlarms.Kind.RESOLUTION_BREACH;
                if (breach) {
                    escalated.add(due);
                }
                var promise = alarm.promise();
                written.add(new CaseEntryStore.OnCase(
                        due.workspace(),
                        due.id(),
                        new CaseEntry(
                                breach ? CaseEntry.Kind.ESCALATED : CaseEntry.Kind.ALERT,
                                promise == null ? null : promise.what(),
                                null,
                                alarm.kind().name(),
                                null,
                                now)));
                announced.add(new CaseAlarmRaised(
                        due.workspace(),
                        due.id(),
                        alarm.kind(),
                        alarm.occasion(),
                        promise == null ? null : promise.id()));
            }
            next.put(due, decision.next());
        });
        sweeps.escalateAll(escalated);
        entries.appendAll(written);
        sweeps.alarmAtAll(next);
        announced.forEach(events::publishEvent);
        return new Looked(announced.size(), round.size() - watched.size());
    }
}
