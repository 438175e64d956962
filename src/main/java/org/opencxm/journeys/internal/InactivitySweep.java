package org.opencxm.journeys.internal;

import java.time.Clock;
import java.util.Map;
import org.opencxm.platform.WorkspaceId;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notices customers who stopped buying: each state carries the moment its inactivity window
 * runs out, so the sweep only reads the customers that are due, however many there are. Durable
 * by construction: a sweep that did not run (a restart, a node down) is caught up by the next
 * one, and the transition carries the moment the window ran out, not the moment it was noticed.
 */
@Component
class InactivitySweep {

    static final int BULK = 1000;

    private final JourneyStore store;
    private final RuleBook rules;
    private final Lifecycles lifecycles;
    private final TransactionTemplate transactions;
    private final Clock clock;

    InactivitySweep(
            JourneyStore store, RuleBook rules, Lifecycles lifecycles, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.lifecycles = lifecycles;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Makes every customer whose window ran out inactive; returns how many. */
    @Scheduled(
            fixedDelayString = "${opencxm.journeys.sweep-interval}",
            initialDelayString = "${opencxm.journeys.sweep-interval}")
    int sweep() {
        var now = clock.instant();
        int moved = 0;
        for (var workspace : store.workspacesWithDue(now)) {
            Integer round;
            while ((round = transactions.execute(tx -> sweep(workspace))) != null && round > 0) {
                moved += round;
            }
        }
        return moved;
    }

    private int sweep(WorkspaceId workspace) {
        store.lock(workspace);
        var now = clock.instant();
        var due = store.due(workspace, now, BULK);
        var machine = new LifecycleMachine(rules.current(workspace));
        for (var state : due) {
            machine.catchUp(state, now);
        }
        lifecycles.save(workspace, due, Map.of());
        return due.size();
    }
}
