package org.opencxm.journeys.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerId;
import org.opencxm.customers.Customers;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.platform.WorkspaceId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a change of rules would do, before it is saved: every customer's history replayed under
 * the draft, nothing written, and the stages compared with today's. A large workspace is
 * sampled (the first {@value #SAMPLE} customers in the order of their ids) and the counts are
 * scaled, which the result says.
 */
@Component
public class RulePreview {

    static final int SAMPLE = 20_000;

    private final RuleBook rules;
    private final Lifecycles lifecycles;
    private final JourneyStore store;
    private final Customers customers;

    RulePreview(RuleBook rules, Lifecycles lifecycles, JourneyStore store, Customers customers) {
        this.rules = rules;
        this.lifecycles = lifecycles;
        this.store = store;
        this.customers = customers;
    }

    /** A move between two stages and how many customers would make it. */
    public record Move(@Nullable LifecycleStage from, LifecycleStage to, long customers) {}

    /**
     * @param before customers per stage today (of those looked at, scaled)
     * @param after customers per stage under the draft
     * @param looked how many customers were replayed; {@code total} when the preview is exact
     */
    public record Preview(
            Map<LifecycleStage, Long> before,
            Map<LifecycleStage, Long> after,
            List<Move> moves,
            long looked,
            long total) {

        public boolean exact() {
            return looked >= total;
        }

        public long moved() {
            return moves.stream().mapToLong(Move::customers).sum();
        }
    }

    /** Validates the draft as saving would, then replays; refuses what saving would refuse. */
    @Transactional(readOnly = true)
    public Preview preview(WorkspaceId workspace, List<StageRule> draftRules, InactivityWindow window) {
        var draft = rules.current(workspace).next(draftRules, window);
        long total = customers.count(workspace);
        var before = new EnumMap<LifecycleStage, Long>(LifecycleStage.class);
        var after = new EnumMap<LifecycleStage, Long>(LifecycleStage.class);
        var moves = new TreeMap<String, Move>();
        long looked = 0;
        CustomerId cursor = null;
        while (looked < SAMPLE) {
            var chunk = customers.identitiesAfter(workspace, cursor, Rederivation.CHUNK);
            if (chunk.isEmpty()) {
                break;
            }
            var today = store.states(
                    workspace, chunk.stream().map(c -> c.customer()).toList());
            for (var replayed : lifecycles.simulate(workspace, draft, chunk)) {
                var now = today.get(replayed.customer());
                var from = now == null ? null : now.stage();
                var to = replayed.stage();
                if (from != null) {
                    before.merge(from, 1L, Long::sum);
                }
                after.merge(to, 1L, Long::sum);
                if (from != to) {
                    moves.merge(
                            String.valueOf(from) + ">" + to,
                            new Move(from, to, 1),
                            (a, b) -> new Move(a.from(), a.to(), a.customers() + 1));
                }
            }
            looked += chunk.size();
            cursor = chunk.get(chunk.size() - 1).customer();
        }
        double scale = looked == 0 || looked >= total ? 1.0 : (double) total / looked;
        var sorted = new ArrayList<>(moves.values());
        sorted.sort((a, b) -> Long.compare(b.customers(), a.customers()));
        return new Preview(
                scaled(before, scale),
                scaled(after, scale),
                sorted.stream()
                        .map(m -> new Move(m.from(), m.to(), Math.round(m.customers() * scale)))
                        .toList(),
                looked,
                total);
    }

    private static Map<LifecycleStage, Long> scaled(Map<LifecycleStage, Long> counts, double scale) {
        var result = new EnumMap<LifecycleStage, Long>(LifecycleStage.class);
        for (var stage : LifecycleStage.values()) {
            result.put(stage, Math.round(counts.getOrDefault(stage, 0L) * scale));
        }
        return result;
    }
}
