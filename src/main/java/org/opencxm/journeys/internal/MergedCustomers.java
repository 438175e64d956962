package org.opencxm.journeys.internal;

import java.util.List;
import org.opencxm.customers.CustomersMerged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Two profiles turned out to be one person: the survivor's lifecycle is replayed from both
 * histories, and the merged profile's is forgotten.
 */
@Component
class MergedCustomers {

    private final JourneyStore store;
    private final Lifecycles lifecycles;

    MergedCustomers(JourneyStore store, Lifecycles lifecycles) {
        this.store = store;
        this.lifecycles = lifecycles;
    }

    @ApplicationModuleListener
    void on(CustomersMerged merged) {
        store.lock(merged.workspaceId());
        store.deleteState(merged.workspaceId(), merged.merged());
        lifecycles.replay(merged.workspaceId(), List.of(merged.survivor()));
    }
}
