package org.opencxm.journeys.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerId;

/**
 * The counts of a funnel as its customers are evaluated one by one: how far each got, the times
 * between steps, the same per breakdown value, and who dropped off where. A breakdown by trait
 * keeps each customer's reach until the end, when the values are looked up in chunks.
 */
final class FunnelTally {

    static final int DROP_OFF_CAP = 10_000;

    /** Breakdown rows shown; the values beyond them are summed up in one row. */
    static final int MAX_ROWS = 20;

    /** Customers whose traits are looked up in one go. */
    static final int TRAIT_CHUNK = 5_000;

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
    private final FunnelBreakdown breakdown;
    private final int steps;
    private final long[] reached;
    private final List<List<Long>> secondsFromPrevious = new ArrayList<>();
    private final List<Long> totalSeconds = new ArrayList<>();
    private final Map<String, long[]> byKey = new LinkedHashMap<>();
    private final Map<Integer, List<CustomerId>> dropOffs = new HashMap<>();
    private final List<CustomerId> awaitingTrait = new ArrayList<>();
    private final List<Integer> reachedByAwaiting = new ArrayList<>();

    FunnelTally(FunnelDefinition definition, FunnelBreakdown breakdown) {
        this.definition = definition;
        this.breakdown = breakdown;
        this.steps = definition.steps().size();
        this.reached = new long[steps];
        for (int i = 0; i < steps; i++) {
            secondsFromPrevious.add(new ArrayList<>());
        }
    }

    /** One customer: the times of the steps reached (null beyond them), under this breakdown value. */
    void count(CustomerId customer, @Nullable Instant[] times, String key) {
        int got = 0;
        while (got < steps && times[got] != null) {
            got++;
        }
        if (breakdown == FunnelBreakdown.TRAIT) {
            awaitingTrait.add(customer);
            reachedByAwaiting.add(got);
        }
        var counts =
                breakdown == FunnelBreakdown.TRAIT ? new long[steps] : byKey.computeIfAbsent(key, k -> new long[steps]);
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
                list.add(customer);
            }
        }
    }

    /**
     * The result; for a breakdown by trait, {@code traitOf} gives the trait's value for each of a
     * chunk of customers (leaving out those who have none).
     */
    FunnelResult result(
            Instant from,
            Instant to,
            @Nullable String trait,
            Function<List<CustomerId>, Map<CustomerId, String>> traitOf) {
        for (int start = 0; start < awaitingTrait.size(); start += TRAIT_CHUNK) {
            var chunk = awaitingTrait.subList(start, Math.min(awaitingTrait.size(), start + TRAIT_CHUNK));
            var values = traitOf.apply(chunk);
            for (int i = 0; i < chunk.size(); i++) {
                var counts = byKey.computeIfAbsent(values.getOrDefault(chunk.get(i), ""), k -> new long[steps]);
                for (int k = 0; k < reachedByAwaiting.get(start + i); k++) {
                    counts[k]++;
                }
            }
        }
        var results = new ArrayList<FunnelResult.StepResult>();
        for (int k = 0; k < steps; k++) {
            results.add(new FunnelResult.StepResult(
                    definition.steps().get(k),
                    reached[k],
                    k == 0 ? null : share(reached[k], reached[k - 1]),
                    reached[0] == 0 ? 0.0 : (double) reached[k] / reached[0],
                    k == 0 ? null : median(secondsFromPrevious.get(k))));
        }
        var rows = breakdown == FunnelBreakdown.NONE ? List.<FunnelResult.BreakdownRow>of() : rows();
        return new FunnelResult(
                definition, from, to, breakdown, trait, results, buckets(), median(totalSeconds), rows, dropOffs);
    }

    private List<FunnelResult.Bucket> buckets() {
        var counts = new long[BUCKETS.size()];
        for (long seconds : totalSeconds) {
            for (int b = 0; b < BUCKETS.size(); b++) {
                if (seconds <= BUCKETS.get(b).getValue().toSeconds()) {
                    counts[b]++;
                    break;
                }
            }
        }
        var buckets = new ArrayList<FunnelResult.Bucket>();
        for (int b = 0; b < BUCKETS.size(); b++) {
            buckets.add(new FunnelResult.Bucket(BUCKETS.get(b).getKey(), counts[b]));
        }
        return buckets;
    }

    /** The breakdown values with the most entering customers first; beyond {@link #MAX_ROWS}, one row for the rest. */
    private List<FunnelResult.BreakdownRow> rows() {
        var sorted = byKey.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                .toList();
        var rows = new ArrayList<FunnelResult.BreakdownRow>();
        var rest = new long[steps];
        for (int i = 0; i < sorted.size(); i++) {
            var counts = sorted.get(i).getValue();
            if (sorted.size() <= MAX_ROWS || i < MAX_ROWS - 1) {
                var key = sorted.get(i).getKey();
                rows.add(new FunnelResult.BreakdownRow(key.isEmpty() ? null : key, boxed(counts)));
            } else {
                for (int k = 0; k < steps; k++) {
                    rest[k] += counts[k];
                }
            }
        }
        if (sorted.size() > MAX_ROWS) {
            rows.add(new FunnelResult.BreakdownRow(null, boxed(rest), true));
        }
        return rows;
    }

    private static List<Long> boxed(long[] counts) {
        return Arrays.stream(counts).boxed().toList();
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
