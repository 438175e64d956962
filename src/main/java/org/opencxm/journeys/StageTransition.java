package org.opencxm.journeys;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.touchpoints.TouchpointId;

/**
 * A customer entered a stage.
 *
 * @param from the stage before; {@code null} for the customer's first
 * @param eventName the event that moved the customer, if one did
 * @param eventId that event's id, to find it on the timeline
 * @param touchpoint where that event happened
 */
public record StageTransition(
        @Nullable LifecycleStage from,
        LifecycleStage to,
        Instant at,
        TransitionCause cause,
        @Nullable String eventName,
        @Nullable UUID eventId,
        @Nullable TouchpointId touchpoint) {

    /** The same move at the same time for the same reason: a replay found what was already known. */
    public boolean sameMove(StageTransition other) {
        return from == other.from && to == other.to && at.equals(other.at) && cause == other.cause;
    }
}
