package org.opencxm.customers;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.platform.WorkspaceId;

/**
 * A customer profile in lists.
 *
 * @param userId the id the company's systems know the customer by; {@code null} while anonymous
 * @param stage where the customer stands in the lifecycle, as the journeys module last decided;
 *     {@code null} until it has seen the customer's first event
 */
public record Customer(
        CustomerId id,
        WorkspaceId workspaceId,
        @Nullable String userId,
        @Nullable String email,
        @Nullable String displayName,
        Instant firstSeenAt,
        Instant lastSeenAt,
        @Nullable LifecycleStage stage) {

    public boolean known() {
        return userId != null || email != null;
    }
}
