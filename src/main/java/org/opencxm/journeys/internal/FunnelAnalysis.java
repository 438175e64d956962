package org.opencxm.journeys.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerId;
import org.opencxm.touchpoints.TouchpointId;

/**
 * Runs a funnel over customer sequences as they stream by, one customer at a time. A customer
 * enters with any occurrence of the first step in the period; of several entries the one that
 * gets furthest counts (the earliest among equals). Later steps must follow within the window,
 * counted from the entry. The formulas and a worked example are in docs/journeys.md.
 */
final class FunnelAnalysis {

    private final FunnelDefinition definition;
    private final Instant from;
    private final Instant to;
    private final Duration window;
    private final FunnelBreakdown breakdown;
    private final Function<TouchpointId, String> channelOf;
    private final int steps;

    private final FunnelTally tally;

    private @Nullable CustomerId current;
    private final List<JourneyAnalysisStore.Step> sequence = new ArrayList<>();

    FunnelAnalysis(
            FunnelDefinition definition,
            Instant from,
            Instant to,
            FunnelBreakdown breakdown,
            Function<TouchpointId, String> channelOf) {
        this.definition = definition;
        this.from = from;
        this.to = to;
        this.window = Duration.ofDays(definition.windowDays());
        this.breakdown = breakdown;
        this.channelOf = channelOf;
        this.steps = definition.steps().size();
        this.tally = new FunnelTally(definition, breakdown);
    }

    /** The next step of the stream, which comes customer by customer, in time order. */
    void accept(JourneyAnalysisStore.Step step) {
        if (!step.customer().equals(current)) {
            evaluate();
            current = step.customer();
        }
        sequence.add(step);
    }

    FunnelResult finish() {
        return finish(null, customers -> Map.of());
    }

    /**
     * The result; for a breakdown by trait, {@code traitOf} gives the trait's value for each of a
     * chunk of customers (leaving out those who have none), once the stream has ended.
     */
    FunnelResult finish(@Nullable String trait, Function<List<CustomerId>, Map<CustomerId, String>> traitOf) {
        evaluate();
        return tally.result(from, to, trait, traitOf);
    }

    private void evaluate() {
        if (current == null || sequence.isEmpty()) {
            sequence.clear();
            return;
        }
        var best = definition.order() == FunnelOrder.ANY_ORDER ? bestAnyOrder() : bestInOrder();
        if (best != null) {
            tally.count(Objects.requireNonNull(current), best, key == null ? "" : key);
        }
        sequence.clear();
    }

    /** The times of the steps reached from the entry that gets furthest, or null if none. */
    private Instant @Nullable [] bestInOrder() {
        Instant[] best = null;
        int bestReached = 0;
        Integer bestEntry = null;
        for (int i = 0; i < sequence.size(); i++) {
            var entry = sequence.get(i);
            if (!entry.name().equals(definition.steps().get(0))
                    || entry.at().isBefore(from)
                    || !entry.at().isBefore(to)) {
                continue;
            }
            var times = new Instant[steps];
            times[0] = entry.at();
            int k = 1;
            int last = i;
            var deadline = entry.at().plus(window);
            while (k < steps) {
                int next = next(last, definition.steps().get(k), deadline);
                if (next < 0) {
                    break;
                }
                times[k] = sequence.get(next).at();
                last = next;
                k++;
            }
            if (k > bestReached) {
                best = times;
                bestReached = k;
                bestEntry = i;
                if (k == steps) {
                    break;
                }
            }
        }
        if (best != null && bestEntry != null) {
            keyOf(sequence.get(bestEntry));
        }
        return best;
    }

    /** The index of the next occurrence of {@code name} after {@code last} by the deadline; -1 if none. */
    private int next(int last, String name, Instant deadline) {
        if (definition.order() == FunnelOrder.STRICT) {
            int j = last + 1;
            return j < sequence.size()
                            && sequence.get(j).name().equals(name)
                            && !sequence.get(j).at().isAfter(deadline)
                    ? j
                    : -1;
        }
        for (int j = last + 1; j < sequence.size(); j++) {
            var step = sequence.get(j);
            if (step.at().isAfter(deadline)) {
                return -1;
            }
            if (step.name().equals(name)) {
                return j;
            }
        }
        return -1;
    }

    /** In any order: from each possible entry, the distinct steps done within the window. */
    private Instant @Nullable [] bestAnyOrder() {
        Instant[] best = null;
        int bestReached = 0;
        int bestEntry = -1;
        for (int i = 0; i < sequence.size(); i++) {
            var entry = sequence.get(i);
            if (!definition.steps().contains(entry.name())
                    || entry.at().isBefore(from)
                    || !entry.at().isBefore(to)) {
                continue;
            }
            var seen = new java.util.HashSet<String>();
            var times = new Instant[steps];
            int k = 0;
            var deadline = entry.at().plus(window);
            for (int j = i; j < sequence.size() && !sequence.get(j).at().isAfter(deadline) && k < steps; j++) {
                var name = sequence.get(j).name();
                if (definition.steps().contains(name) && seen.add(name)) {
                    times[k++] = sequence.get(j).at();
                }
            }
            if (k > bestReached) {
                best = times;
                bestReached = k;
                bestEntry = i;
                if (k == steps) {
                    break;
                }
            }
        }
        if (best != null) {
            keyOf(sequence.get(bestEntry));
        }
        return best;
    }

    private @Nullable String key;

    private void keyOf(JourneyAnalysisStore.Step entry) {
        key = switch (breakdown) {
            case NONE -> "";
            case TOUCHPOINT ->
                entry.touchpoint() == null ? "" : entry.touchpoint().toString();
            case CHANNEL -> entry.touchpoint() == null ? "" : channelOf.apply(entry.touchpoint());
            case FIRST_TOUCHPOINT ->
                entry.firstTouchpoint() == null ? "" : entry.firstTouchpoint().toString();
            case STAGE -> entry.stage() == null ? "" : entry.stage().name();
            // looked up once the stream has ended, for all customers at once
            case TRAIT -> "";
        };
    }
}
