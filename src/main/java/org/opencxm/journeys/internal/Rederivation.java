package org.opencxm.journeys.internal;

import java.time.Clock;
import java.util.Optional;
import org.opencxm.customers.Customers;
import org.opencxm.platform.WorkspaceId;
import org.springframework.context.annotation.Lazy;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replays every customer's history after the rules changed, a chunk of customers per
 * transaction in the order of their ids. The cursor moves with the chunk it covers, so a crash
 * or a restart resumes where the last chunk ended; the worker holds the replay's row while it
 * works, so two nodes never work on one workspace's replay at once. Live events meanwhile are
 * followed under the new rules already (a customer still on the old version is replayed as soon
 * as an event of theirs arrives).
 */
@Component
class Rederivation {

    static final int CHUNK = 500;

    private final RederivationStore store;
    private final RuleStore rules;
    private final Customers customers;
    private final Lifecycles lifecycles;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Rederivation(
            RederivationStore store,
            RuleStore rules,
            Customers customers,
            @Lazy Lifecycles lifecycles,
            TransactionTemplate transactions,
            Clock clock) {
        this.store = store;
        this.rules = rules;
        this.customers = customers;
        this.lifecycles = lifecycles;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Starts (or restarts) the replay for this version; joins the caller's transaction. */
    @Transactional
    public void start(WorkspaceId workspace, int version) {
        store.start(workspace, version, customers.count(workspace), clock.instant());
    }

    Optional<ReplayProgress> progress(WorkspaceId workspace) {
        return store.find(workspace)
                .map(p -> new ReplayProgress(p.rulesVersion(), p.done(), p.total(), p.startedAt(), p.finishedAt()));
    }

    /** Works through unfinished replays, chunk by chunk, until none is left; returns the chunks done. */
    @Scheduled(fixedDelayString = "${opencxm.journeys.rederivation-delay:1s}")
    int work() {
        int chunks = 0;
        while (Boolean.TRUE.equals(transactions.execute(tx -> chunk()))) {
            chunks++;
        }
        return chunks;
    }

    private boolean chunk() {
        var claimed = store.claim();
        if (claimed.isEmpty()) {
            return false;
        }
        var progress = claimed.get();
        var workspace = progress.workspace();
        var ruleSet = rules.rules(workspace).orElseGet(JourneyRules::defaults);
        var chunk = lifecycles.replayNext(workspace, ruleSet, progress.after(), CHUNK);
        if (chunk.isEmpty()) {
            store.finish(workspace, clock.instant());
            return true;
        }
        var last = chunk.get(chunk.size() - 1).customer();
        store.advance(workspace, last, progress.done() + chunk.size(), chunk.size() < CHUNK ? clock.instant() : null);
        return true;
    }
}
