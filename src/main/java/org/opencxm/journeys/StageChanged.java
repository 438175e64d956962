package org.opencxm.journeys;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerId;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.platform.WorkspaceId;

/**
 * A customer entered a lifecycle stage. Published once per transition, in the transaction that
 * records it; a replay after a rule change announces only the transitions that are new.
 *
 * @param from the stage before; {@code null} when the customer was first seen
 * @param at when the move happened in the customer's life (an event's time, or when the
 *     inactivity window ran out), not when it was noticed
 */
public record StageChanged(
        WorkspaceId workspaceId,
        CustomerId customerId,
        @Nullable LifecycleStage from,
        LifecycleStage to,
        TransitionCause cause,
        Instant at) {}
