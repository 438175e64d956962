package org.opencxm.customers;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.ApiKeyId;

/**
 * A customer's answer for one channel, where it came from (identify, api, import) and when.
 *
 * @param writeKey the server-side write key it came through; {@code null} when a person or
 *     OpenCXM recorded it
 */
public record Consent(
        ConsentChannel channel,
        boolean granted,
        String source,
        Instant recordedAt,
        @Nullable ApiKeyId writeKey) {}
