package org.opencxm.cases.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opencxm.cases.CaseFigures;
import org.opencxm.journeys.Journeys;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.touchpoints.Touchpoint;
import org.opencxm.touchpoints.Touchpoints;
import org.springframework.stereotype.Component;

/**
 * Puts the case figures together: the store's rows of a period, its completed orders as the
 * complaint rate's denominator, the promises that came due, and touchpoints by their key (the
 * name clients send), so a BI tool needs no second call to read them.
 */
@Component
public class CaseReports {

    /** The event whose count the complaint rate divides by (DESIGN.md §5: complaints / orders). */
    static final String ORDER = "Order Completed";

    private final CaseQueueStore queue;
    private final PromiseStore promises;
    private final CaseRules rules;
    private final Journeys journeys;
    private final Touchpoints touchpoints;

    CaseReports(
            CaseQueueStore queue, PromiseStore promises, CaseRules rules, Journeys journeys, Touchpoints touchpoints) {
        this.queue = queue;
        this.promises = promises;
        this.rules = rules;
        this.journeys = journeys;
        this.touchpoints = touchpoints;
    }

    /** @param split with the splits; without them, the totals and promises alone */
    public CaseFigures figures(WorkspaceId workspace, Instant from, Instant to, boolean split) {
        var keys = !split
                ? java.util.Map.<String, String>of()
                : touchpoints.list(workspace).stream()
                        .collect(Collectors.toMap(t -> t.id().value().toString(), Touchpoint::key, (a, b) -> a));
        CaseFigures.Counts total = null;
        var rows = new EnumMap<CaseFigures.Split, List<CaseFigures.Counts>>(CaseFigures.Split.class);
        for (var row : queue.figures(workspace, from, to, split)) {
            if (row.split() == null) {
                total = row.counts();
                continue;
            }
            var counts = row.split() == CaseFigures.Split.TOUCHPOINT
                    ? renamed(row.counts(), id -> id.isEmpty() ? CaseFigures.NO_TOUCHPOINT : keys.getOrDefault(id, id))
                    : row.counts();
            rows.computeIfAbsent(row.split(), s -> new ArrayList<>()).add(counts);
        }
        return CaseFigures.of(
                total,
                Map.copyOf(rows),
                rules.categories(workspace).openKeys(),
                split ? journeys.occurrences(workspace, ORDER, from, to) : 0,
                promises.kept(workspace, from, to));
    }

    private static CaseFigures.Counts renamed(CaseFigures.Counts c, Function<String, String> name) {
        return new CaseFigures.Counts(
                c.key() == null ? null : name.apply(c.key()),
                c.opened(),
                c.complaints(),
                c.answered(),
                c.answeredInTime(),
                c.resolved(),
                c.resolvedInTime(),
                c.reopened(),
                c.repeats(),
                c.medianFirstResponse(),
                c.medianResolution(),
                c.complaintRate());
    }
}
