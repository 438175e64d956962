package org.opencxm.journeys.internal;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How long a customer may go without buying before they count as inactive. It follows the
 * customer's own rhythm: {@code rhythmFactor} times their mean time between purchase days, so a
 * weekly buyer is missed after weeks and a yearly one after more than a year; a customer with one
 * purchase has no rhythm yet and gets {@code firstPurchaseDays}. The workspace's floor and ceiling
 * keep both sensible.
 */
public record InactivityWindow(int floorDays, int ceilingDays, double rhythmFactor, int firstPurchaseDays) {

    public static final int MAX_DAYS = 3650;

    public static InactivityWindow defaults() {
        return new InactivityWindow(30, 365, 2.0, 90);
    }

    /** The window after the last purchase, given the customer's purchase days so far. */
    Duration after(int purchases, @Nullable Instant firstPurchase, @Nullable Instant lastPurchase) {
        double days = firstPurchaseDays;
        if (purchases >= 2 && firstPurchase != null && lastPurchase != null) {
            double meanGap = Duration.between(firstPurchase, lastPurchase).toSeconds() / 86_400.0 / (purchases - 1);
            days = rhythmFactor * meanGap;
        }
        return Duration.ofDays(Math.round(Math.max(floorDays, Math.min(ceilingDays, days))));
    }
}
