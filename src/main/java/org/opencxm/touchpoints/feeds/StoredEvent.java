package org.opencxm.touchpoints.feeds;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.touchpoints.EventType;
import org.opencxm.touchpoints.TouchpointId;

/**
 * One stored event as the lifecycle sees it: who, what, where and when, without the context.
 *
 * @param properties JSON text of a track event's properties; {@code null} for other types
 * @param identified for an identify event, whether it names the person (a user id or an e-mail trait)
 */
public record StoredEvent(
        UUID id,
        EventType type,
        @Nullable String name,
        @Nullable String userId,
        @Nullable String anonymousId,
        TouchpointId touchpoint,
        Instant occurredAt,
        @Nullable String properties,
        boolean identified) {}
