package org.opencxm.journeys.internal;

import org.opencxm.platform.LifecycleStage;
import org.opencxm.touchpoints.EventType;
import org.opencxm.touchpoints.feeds.StoredEvent;

/**
 * One transition rule: an event of this name moves the customer to this stage, on this
 * occasion. A purchase rule also counts the event as a purchase (for the repeat rule, the
 * inactivity window and the revenue), and only a purchase can win a passive customer back.
 *
 * @param event a track event's name, or {@link #IDENTIFIED} for the moment a visitor gives their
 *     name: an identify with a user id or e-mail, or any event under a user id
 */
public record StageRule(String event, LifecycleStage stage, Occasion occasion, boolean purchase) {

    public static final String IDENTIFIED = "@identified";

    boolean matches(StoredEvent stored) {
        if (IDENTIFIED.equals(event)) {
            return stored.identified();
        }
        return stored.type() == EventType.TRACK && event.equals(stored.name());
    }

    boolean appliesAt(int purchases) {
        return occasion.holds(purchases);
    }
}
