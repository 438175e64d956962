package org.opencxm.journeys.internal;

/** How a funnel's steps must follow each other. */
public enum FunnelOrder {
    /** In the given order; other events may come between. */
    SEQUENTIAL,
    /** In the given order, each step the very next event after the one before. */
    STRICT,
    /** In any order: step k counts the customers who did at least k of the steps. */
    ANY_ORDER;

    public String messageKey() {
        return "funnels.order." + name();
    }
}
