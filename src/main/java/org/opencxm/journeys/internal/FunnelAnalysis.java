package org.opencxm.journeys.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    static final int DROP_OFF_CAP = 10_000;

    /** Upper bounds of the time-to-convert buckets, in the order shown. */
    private static final List<Map.Entry<String, Duration>> BUCKETS = List.of(
            Map.entry("1h", Duration.ofHours(1)),
            Map.entry("1d", Duration.ofDays(1)),
            Map.entry("3d", Duration.ofDays(3)),
            Map.entry("7d", Duration.ofDays(7)),
            Map.entry("14d", Duration.ofDays(14)),
            Map.entry("30d", Duration.ofDays(30)),
            Map.entry("more", Duration.ofDays(100_000)));

    private final FunnelDefinition definition;
    private final Instant from;
    private final Instant to;
    private final Duration window;
    private final FunnelBreakdown breakdown;
    private final Function<TouchpointId, String> channelOf;
    private final int steps;

    private final long[] reached;
    private final List<List<Long>> secondsFromPrevious = new ArrayList<>();
    private final List<Long> totalSeconds = new ArrayList<>();
    private final Map<String, long[]> byKey = new LinkedHashMap<>();
    private final Map<Integer, List<CustomerId>> dropOffs = new HashMap<>();

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
        this.reached = new long[steps];
        for (int i = 0; i < steps; i++) {
            secondsFromPrevious.add(new ArrayList<>());
        }
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
        evaluate();
        var results = new ArrayList<FunnelResult.StepResult>();
        for (int k = 0; k < steps; k++) {
            results.add(new FunnelResult.StepResult(
                    definition.steps().get(k),
                    reached[k],
                    k == 0 ? null : share(reached[k], reached[k - 1]),
                    reached[0] == 0 ? 0.0 : (double) reached[k] / reached[0],
                    k == 0 ? null : median(secondsFromPrevious.get(k))));
        }
        var buckets = new ArrayList<FunnelResult.Bucket>();
        for (var bucket : BUCKETS) {
            buckets.add(new FunnelResult.Bucket(bucket.getKey(), 0));
        }
        for (long seconds : totalSeconds) {
            for (int b = 0; b < BUCKETS.size(); b++) {
                if (seconds <= BUCKETS.get(b).getValue().toSeconds()) {
                    buckets.set(
                            b,
                            new FunnelResult.Bucket(
                                    buckets.get(b).key(), buckets.get(b).customers() + 1));
                    break;
                }
            }
        }
        var rows = new ArrayList<FunnelResult.BreakdownRow>();
        if (breakdown != FunnelBreakdown.NONE) {
            byKey.entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                    .forEach(e -> rows.add(new FunnelResult.BreakdownRow(
                            e.getKey().isEmpty() ? null : e.getKey(),
                            java.util.Arrays.stream(e.getValue()).boxed().toList())));
        }
        return new FunnelResult(
                definition, from, to, breakdown, results, buckets, median(totalSeconds), rows, dropOffs);
    }

    private void evaluate() {
        if (current == null || sequence.isEmpty()) {
            sequence.clear();
            return;
        }
        var best = definition.order() == FunnelOrder.ANY_ORDER ? bestAnyOrder() : bestInOrder();
        if (best != null) {
            count(best);
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
        };
    }

    private void count(Instant[] times) {
        int got = 0;
        while (got < steps && times[got] != null) {
            got++;
        }
        var counts = byKey.computeIfAbsent(key == null ? "" : key, k -> new long[steps]);
        for (int k = 0; k < got; k++) {
            reached[k]++;
            counts[k]++;
            if (k > 0) {
                secondsFromPrevious
                        .get(k)
                        .add(Duration.between(times[k - 1], times[k]).toSeconds());
            }
        }
        if (got == steps) {
            totalSeconds.add(Duration.between(times[0], times[steps - 1]).toSeconds());
        } else {
            var list = dropOffs.computeIfAbsent(got - 1, k -> new ArrayList<>());
            if (list.size() < DROP_OFF_CAP) {
                list.add(current);
            }
        }
    }

    private static @Nullable Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** The median of the durations (the mean of the middle two for an even count), or null for none. */
    static @Nullable Duration median(List<Long> seconds) {
        if (seconds.isEmpty()) {
            return null;
        }
        var sorted = seconds.stream().sorted().toList();
        int n = sorted.size();
        long middle = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return Duration.ofSeconds(middle);
    }
}
