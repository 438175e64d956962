package org.opencxm.touchpoints;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One occurrence of a named track event, with who did it and when, for schedules that follow events.
 *
 * @param receivedAt with the id, the event's position in the order events are read
 */
public record NamedEvent(
        UUID id, @Nullable String userId, @Nullable String anonymousId, Instant occurredAt, Instant receivedAt) {}
