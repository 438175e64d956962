package org.opencxm.journeys;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.LifecycleStage;

/**
 * One customer's journey at a glance, for the head of the 360° page.
 *
 * @param purchases days with at least one purchase (several orders on one day count once)
 * @param revenue the sum of the purchases' revenue
 * @param lastScoreType the headline question type of the latest survey response (NPS, CSAT, …)
 * @param inactiveAt when the customer will count as inactive unless they buy again
 * @param complaints complaints the customer filed in the last 90 days
 * @param history every stage entered, oldest first
 */
public record JourneySummary(
        @Nullable LifecycleStage stage,
        @Nullable Instant since,
        int purchases,
        @Nullable Instant lastPurchaseAt,
        BigDecimal revenue,
        @Nullable String lastScoreType,
        @Nullable Integer lastScore,
        @Nullable Instant lastScoreAt,
        @Nullable Instant inactiveAt,
        long complaints,
        List<StageTransition> history) {}
