package org.opencxm.touchpoints;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a customer's timeline: what happened, where, when.
 *
 * @param properties JSON text of the event's properties (or traits, for identify)
 */
public record Interaction(
        UUID id,
        EventType type,
        @Nullable String name,
        String touchpointName,
        Channel channel,
        Instant occurredAt,
        @Nullable String properties) {}
