package org.opencxm.touchpoints;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What one stored message tells about who the customer is: ids seen together, and for identify
 * the traits. Handed out in bulk by {@link IdentityFeed}.
 *
 * @param traits JSON text of the traits object of an identify message
 */
public record IdentityObservation(
        EventType type,
        @Nullable String anonymousId,
        @Nullable String userId,
        @Nullable String previousId,
        @Nullable String traits,
        Instant occurredAt) {}
