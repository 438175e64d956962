package org.opencxm.journeys.internal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerId;

/**
 * What a funnel found: per step how many customers got that far, the conversion from the step
 * before and from the first, and the median time from the step before; how long converting
 * customers took in all; the same counts per breakdown value; and who dropped off where.
 *
 * @param trait the trait the customers are broken down by, for {@link FunnelBreakdown#TRAIT}
 * @param dropOffs per step index, customers who reached that step but not the next (at most
 *     {@link FunnelTally#DROP_OFF_CAP} each)
 */
public record FunnelResult(
        FunnelDefinition definition,
        Instant from,
        Instant to,
        FunnelBreakdown breakdown,
        @Nullable String trait,
        List<StepResult> steps,
        List<Bucket> timeToConvert,
        @Nullable Duration medianTimeToConvert,
        List<BreakdownRow> rows,
        @JsonIgnore Map<Integer, List<CustomerId>> dropOffs) {

    /**
     * @param conversionFromPrevious share of the previous step's customers, 0–1; {@code null} for the first step
     * @param conversionFromFirst share of the first step's customers, 0–1
     */
    public record StepResult(
            String step,
            long customers,
            @Nullable Double conversionFromPrevious,
            double conversionFromFirst,
            @Nullable Duration medianFromPrevious) {}

    /** Converting customers whose time from first to last step fell into this range. */
    public record Bucket(String key, long customers) {}

    /**
     * Customers per step for one breakdown value ({@code null}: not known).
     *
     * @param others whether this row sums up every value beyond the largest ones
     */
    public record BreakdownRow(@Nullable String key, List<Long> customers, boolean others) {

        public BreakdownRow(@Nullable String key, List<Long> customers) {
            this(key, customers, false);
        }
    }

    public long entered() {
        return steps.isEmpty() ? 0 : steps.get(0).customers();
    }
}
