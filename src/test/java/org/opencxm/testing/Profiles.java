package org.opencxm.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Objects;
import org.opencxm.customers.Customer;
import org.opencxm.customers.Customers;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.Paging;

/** Profiles follow events in the background: waits until one is there, with a name. */
public final class Profiles {

    private Profiles() {}

    public static Customer awaitNamed(Customers customers, WorkspaceId workspace, String userId) {
        return await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> customers.list(workspace, Paging.first(), userId).items().stream()
                                .filter(c -> userId.equals(c.userId()) && c.displayName() != null)
                                .findFirst()
                                .orElse(null),
                        Objects::nonNull);
    }
}
