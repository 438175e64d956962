package org.opencxm.journeys.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.UserId;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.InvalidInputException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each workspace's transition rules: the defaults until someone edits them, then the latest
 * version. Saving a version starts the replay of every history under it.
 */
@Component
public class RuleBook {

    private final RuleStore store;
    private final Rederivation rederivation;
    private final Clock clock;

    RuleBook(RuleStore store, Rederivation rederivation, Clock clock) {
        this.store = store;
        this.rederivation = rederivation;
        this.clock = clock;
    }

    /** How far the replay after the last change of rules (or the first one) has got. */
    @Transactional(readOnly = true)
    public Optional<ReplayProgress> progress(WorkspaceId workspace) {
        return rederivation.progress(workspace);
    }

    @Transactional(readOnly = true)
    public JourneyRules current(WorkspaceId workspace) {
        return store.rules(workspace).orElseGet(JourneyRules::defaults);
    }

    /**
     * Saves the next version, if {@code basedOn} is still the current one (two people editing at
     * once do not overwrite each other), and starts replaying every customer under it.
     */
    @Transactional
    public JourneyRules save(
            WorkspaceId workspace,
            int basedOn,
            List<StageRule> rules,
            InactivityWindow inactivity,
            @Nullable UserId by) {
        var current = current(workspace);
        if (current.version() != basedOn) {
            throw new InvalidInputException("version", "journeys.rules.invalid.stale");
        }
        var next = current.next(rules, inactivity);
        if (!store.saveRules(workspace, next, clock.instant(), by)) {
            throw new InvalidInputException("version", "journeys.rules.invalid.stale");
        }
        rederivation.start(workspace, next.version());
        return next;
    }
}
