package org.opencxm.journeys.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerId;

/**
 * The most frequent paths to or from a chosen event, one customer at a time: per customer the
 * {@code depth} steps right before the event's first occurrence in the period (or right after
 * it), a step repeated in a row counted once. Per position only the most frequent steps keep
 * their names in the Sankey; the rest become "other", so the picture stays readable.
 */
final class PathAnalysis {

    static final int TOP_PATHS = 10;
    static final int NAMED_PER_POSITION = 6;
    static final String OTHER = "";

    private final PathQuery query;
    private long customers;
    private final Map<List<String>, Long> paths = new HashMap<>();

    private @Nullable CustomerId current;
    private final List<String> steps = new ArrayList<>();

    PathAnalysis(PathQuery query) {
        this.query = query;
    }

    /** One row of the stream: a step of the customer's path, or {@code null} for a customer with none. */
    void accept(CustomerId customer, @Nullable String step) {
        if (!customer.equals(current)) {
            finishCustomer();
            current = customer;
        }
        if (step != null && (steps.isEmpty() || !steps.get(steps.size() - 1).equals(step))) {
            steps.add(step);
        }
    }

    PathResult finish() {
        finishCustomer();
        // ties: the longer path first, then alphabetically, so the same data always reads the same
        var top = paths.entrySet().stream()
                .sorted(Map.Entry.<List<String>, Long>comparingByValue()
                        .reversed()
                        .thenComparing(e -> -e.getKey().size())
                        .thenComparing(e -> String.join("\u0000", e.getKey())))
                .limit(TOP_PATHS)
                .map(e -> new PathResult.TopPath(e.getKey(), e.getValue(), share(e.getValue())))
                .toList();
        return new PathResult(query, customers, top, links());
    }

    private void finishCustomer() {
        if (current == null) {
            return;
        }
        customers++;
        List<String> path;
        if (query.before()) {
            path = List.copyOf(steps.subList(Math.max(0, steps.size() - query.depth()), steps.size()));
        } else {
            path = List.copyOf(steps.subList(0, Math.min(query.depth(), steps.size())));
        }
        paths.merge(path, 1L, Long::sum);
        steps.clear();
        current = null;
    }

    /** The Sankey: positions from the furthest step to the target (or from the target outwards). */
    private List<PathResult.Link> links() {
        // which steps keep their name at each position
        var named = new HashMap<Integer, List<String>>();
        var perPosition = new HashMap<Integer, Map<String, Long>>();
        paths.forEach((path, n) -> {
            for (int i = 0; i < path.size(); i++) {
                perPosition
                        .computeIfAbsent(position(path, i), p -> new HashMap<>())
                        .merge(path.get(i), n, Long::sum);
            }
        });
        perPosition.forEach((position, counts) -> named.put(
                position,
                counts.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .limit(NAMED_PER_POSITION)
                        .map(Map.Entry::getKey)
                        .toList()));
        var links = new LinkedHashMap<String, PathResult.Link>();
        paths.forEach((path, n) -> {
            var nodes = new ArrayList<PathResult.Node>();
            for (int i = 0; i < path.size(); i++) {
                int position = position(path, i);
                var label = named.getOrDefault(position, List.of()).contains(path.get(i)) ? path.get(i) : OTHER;
                nodes.add(new PathResult.Node(position, label));
            }
            var target = new PathResult.Node(0, query.target());
            if (query.before()) {
                nodes.add(target);
            } else {
                nodes.add(0, target);
            }
            for (int i = 0; i + 1 < nodes.size(); i++) {
                var from = nodes.get(i);
                var to = nodes.get(i + 1);
                links.merge(
                        from.key() + ">" + to.key(),
                        new PathResult.Link(from, to, n),
                        (a, b) -> new PathResult.Link(a.from(), a.to(), a.customers() + b.customers()));
            }
        });
        var sorted = new ArrayList<>(links.values());
        sorted.sort(Comparator.comparingLong(PathResult.Link::customers)
                .reversed()
                .thenComparingInt(link -> link.from().position())
                .thenComparing(link -> link.from().label()));
        return sorted;
    }

    /** Before the target, positions count down to −1; after it, up from +1. */
    private int position(List<String> path, int index) {
        return query.before() ? index - path.size() : index + 1;
    }

    private double share(long n) {
        return customers == 0 ? 0 : (double) n / customers;
    }
}
