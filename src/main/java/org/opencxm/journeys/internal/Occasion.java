package org.opencxm.journeys.internal;

/** Which of a customer's purchases a rule applies to; purchase days are counted, not orders. */
public enum Occasion {
    ALWAYS,
    FIRST_PURCHASE,
    REPEAT_PURCHASE;

    boolean holds(int purchases) {
        return switch (this) {
            case ALWAYS -> true;
            case FIRST_PURCHASE -> purchases <= 1;
            case REPEAT_PURCHASE -> purchases >= 2;
        };
    }

    public String messageKey() {
        return "journeys.occasion." + name();
    }
}
