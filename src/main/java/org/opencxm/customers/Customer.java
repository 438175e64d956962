package org.opencxm.customers;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.WorkspaceId;

/**
 * A customer profile in lists.
 *
 * @param userId the id the company's systems know the customer by; {@code null} while anonymous
 */
public record Customer(
        CustomerId id,
        WorkspaceId workspaceId,
        @Nullable String userId,
        @Nullable String email,
        @Nullable String displayName,
        Instant firstSeenAt,
        Instant lastSeenAt) {

    public boolean known() {
        return userId != null || email != null;
    }
}
