package org.opencxm.touchpoints.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opencxm.touchpoints.EventType;

/**
 * One validated message, ready to store.
 *
 * @param occurredAt the client's timestamp corrected for its clock skew
 * @param touchpointKey the touchpoint the message names, if any
 * @param properties JSON text of the properties object, likewise traits and context
 */
public record CollectedEvent(
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
        @Nullable String context) {

    /** Something a customer did, recorded by OpenCXM itself or an import rather than a client. */
    public static CollectedEvent track(
            String messageId,
            String name,
            @Nullable String userId,
            @Nullable String anonymousId,
            @Nullable String touchpointKey,
            Instant occurredAt,
            @Nullable String properties,
            @Nullable String context) {
        return new CollectedEvent(
                messageId,
                EventType.TRACK,
                name,
                anonymousId,
                userId,
                null,
                null,
                touchpointKey,
                occurredAt,
                null,
                properties,
                null,
                context);
    }

    /** Who a known customer is, as an import says. */
    public static CollectedEvent identify(
            String messageId, String userId, Instant occurredAt, String traits, @Nullable String context) {
        return new CollectedEvent(
                messageId,
                EventType.IDENTIFY,
                null,
                null,
                userId,
                null,
                null,
                null,
                occurredAt,
                null,
                null,
                traits,
                context);
    }
}
