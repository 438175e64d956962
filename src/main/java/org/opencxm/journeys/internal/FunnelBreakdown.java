package org.opencxm.journeys.internal;

/** What a funnel's customers can be split by: all of it known when they enter the first step. */
public enum FunnelBreakdown {
    NONE,
    /** Where the first step happened. */
    TOUCHPOINT,
    /** The channel of that touchpoint. */
    CHANNEL,
    /** Where the customer was first met. */
    FIRST_TOUCHPOINT,
    /** The customer's current lifecycle stage. */
    STAGE,
    /** A trait of the customer as it is now (plan, country, segment …), named by the reader. */
    TRAIT;

    public String messageKey() {
        return "funnels.breakdown." + name();
    }
}
