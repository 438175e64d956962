package org.opencxm.platform;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An API key as listed; the secret itself is shown only once, at creation.
 *
 * @param tokenPrefix the first characters of the token, so admins can tell keys apart
 */
public record ApiKey(
        ApiKeyId id,
        WorkspaceId workspaceId,
        ApiKeyKind kind,
        String name,
        String tokenPrefix,
        @Nullable Role role,
        @Nullable UUID touchpointId,
        Instant createdAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
