package org.opencxm.journeys;

/** Why a customer entered a stage. */
public enum TransitionCause {
    /** An event matched a transition rule (or was the customer's first). */
    EVENT,
    /** No purchase within the customer's inactivity window. */
    INACTIVITY,
    /** A purchase brought an inactive or churned customer back to the active phase. */
    WIN_BACK;

    public String messageKey() {
        return "journeys.cause." + name();
    }
}
