package org.opencxm.journeys.internal;

import java.time.YearMonth;
import java.util.List;

/**
 * Monthly acquisition cohorts (the month of each customer's first purchase) and, for each month
 * since, the share of the cohort that bought again: the retention triangle. Month 0 is the
 * first purchase itself, so it is always 100 %; months still to come are left out.
 *
 * @param purchases the events that count as a purchase, from the transition rules
 */
public record Cohorts(List<String> purchases, int months, List<Cohort> cohorts) {

    /**
     * @param buyers per month since the first purchase (index 0 = the cohort month), how many of the
     *     cohort bought in that month, up to the current month
     */
    public record Cohort(YearMonth month, long customers, List<Long> buyers) {

        /** The share of the cohort buying in month {@code k} after the first purchase, 0–1. */
        public double share(int k) {
            return customers == 0 || k >= buyers.size() ? 0 : (double) buyers.get(k) / customers;
        }
    }
}
