package org.opencxm.touchpoints;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One validated message, ready to store.
 *
 * @param occurredAt the client's timestamp corrected for its clock skew
 * @param touchpointKey the touchpoint the message names, if any
 * @param properties JSON text of the properties object, likewise traits and context
 */
record CollectedEvent(
        String messageId,
        EventType type,
        @Nullable String name,
        @Nullable String anonymousId,
        @Nullable String userId,
        @Nullable String previousId,
        @Nullable String groupId,
        @Nullable String touchpointKey,
        Instant occurredAt,
        @Nullable Instant sentAt,
        @Nullable String properties,
        @Nullable String traits,
        @Nullable String context) {}
