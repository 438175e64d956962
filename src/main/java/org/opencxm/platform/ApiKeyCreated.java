package org.opencxm.platform;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An admin created an API key. Published in the creating transaction, so a listener that
 * refuses what it is given (say, a touchpoint that does not exist) undoes the key as well.
 *
 * @param defaultTouchpoint the touchpoint an admin named for a write key's events; the touchpoints
 *     module checks and keeps it, since the platform knows nothing of touchpoints
 */
public record ApiKeyCreated(
        WorkspaceId workspaceId,
        ApiKeyId apiKeyId,
        ApiKeyKind kind,
        @Nullable UUID defaultTouchpoint) {}
