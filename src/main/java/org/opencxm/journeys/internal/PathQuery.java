package org.opencxm.journeys.internal;

import java.time.Instant;

/**
 * Which paths to look at: those leading to {@code target} ({@code before}) or away from it, at
 * most {@code depth} steps and {@code lookbackDays} from it, for customers whose first
 * occurrence of the target falls in {@code [from, to)}; steps named by event or by touchpoint.
 */
public record PathQuery(
        String target, boolean before, int depth, int lookbackDays, boolean byTouchpoint, Instant from, Instant to) {

    public static final int MAX_DEPTH = 6;
    public static final int MAX_LOOKBACK_DAYS = 90;
}
