package org.opencxm.journeys.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.LifecycleStage;

/**
 * How customers moved between stages in a period, and how many stood in each stage at the end of
 * each month (or week, for periods up to 92 days).
 *
 * @param flows transitions in the period per pair of stages; {@code from} null for customers who
 *     entered their first stage
 */
public record StageFlow(Instant from, Instant to, List<Move> flows, List<Snapshot> distribution) {

    public record Move(@Nullable LifecycleStage from, LifecycleStage to, long customers) {}

    /** Customers per stage at {@code at} (every stage present). */
    public record Snapshot(Instant at, Map<LifecycleStage, Long> customers) {}
}
