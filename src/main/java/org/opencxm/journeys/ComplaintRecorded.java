package org.opencxm.journeys;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerId;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.touchpoints.TouchpointId;

/**
 * A customer's complaint (a {@code Complaint Filed} event) was followed into their journey.
 * Published when the lifecycle first follows the event, not when a replay sees it again; an event
 * stored twice may be announced twice, so listeners key what they do by {@code eventId}.
 *
 * @param category what the sender filed it under, as they wrote it
 * @param severity how bad the sender said it was, as they wrote it
 * @param note what the complaint said, its first 500 characters
 */
public record ComplaintRecorded(
        WorkspaceId workspaceId,
        CustomerId customerId,
        UUID eventId,
        TouchpointId touchpointId,
        Instant occurredAt,
        @Nullable String category,
        @Nullable String severity,
        @Nullable String note) {}
