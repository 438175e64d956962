package org.opencxm.touchpoints.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.ApiKeyId;

/**
 * A message the collection API could not store, as the event debugger shows it.
 *
 * @param endpoint the path it came to, such as {@code /v1/batch}
 * @param message the message as JSON text, cut at 32 KB when {@code truncated}
 */
public record RejectedMessage(
        UUID id,
        @Nullable ApiKeyId writeKey,
        Instant receivedAt,
        String endpoint,
        @Nullable String messageId,
        String message,
        boolean truncated,
        List<FieldProblem> problems) {}
