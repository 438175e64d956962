package org.opencxm.touchpoints.feeds;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.ApiKeyId;
import org.opencxm.touchpoints.EventType;

/**
 * What one stored message tells about who the customer is: ids seen together, and for identify
 * the traits. Handed out in bulk by {@link IdentityFeed}.
 *
 * @param traits JSON text of the traits object of an identify message
 * @param writeKey the write key the message came with; {@code null} when OpenCXM recorded it
 *     (an import, a survey response)
 * @param trusted whether it may set e-mail, phone and consent: true for server-side keys and
 *     OpenCXM itself, false for public keys, which anyone can copy from a web page
 */
public record IdentityObservation(
        EventType type,
        @Nullable String anonymousId,
        @Nullable String userId,
        @Nullable String previousId,
        @Nullable String traits,
        Instant occurredAt,
        @Nullable ApiKeyId writeKey,
        boolean trusted) {}
