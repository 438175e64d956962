package org.opencxm.touchpoints.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.ApiKeyId;
import org.opencxm.touchpoints.EventType;

/** A stored event as the event debugger lists it: what came in, when, by which key, for whom. */
public record IncomingEvent(
        UUID id,
        @Nullable ApiKeyId writeKey,
        Instant receivedAt,
        Instant occurredAt,
        EventType type,
        @Nullable String name,
        @Nullable String userId,
        @Nullable String anonymousId,
        String touchpoint) {}
