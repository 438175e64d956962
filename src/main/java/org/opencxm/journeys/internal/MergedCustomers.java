package org.opencxm.journeys.internal;

import java.util.List;
import org.opencxm.customers.CustomersMerged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Two profiles turned out to be one person: the survivor's lifecycle is replayed from both
 * histories, the merged profile's events move to it, and its own lifecycle is forgotten.
 */
@Component
class MergedCustomers {

    private final JourneyStore store;
    private final TransitionStore transitions;
    private final JourneyEventStore events;
    private final Lifecycles lifecycles;

    MergedCustomers(JourneyStore store, TransitionStore transitions, JourneyEventStore events, Lifecycles lifecycles) {
        this.store = store;
        this.transitions = transitions;
        this.events = events;
        this.lifecycles = lifecycles;
    }

    @ApplicationModuleListener
    void on(CustomersMerged merged) {
        store.lock(merged.workspaceId());
        transitions.forget(merged.workspaceId(), merged.merged());
        store.deleteState(merged.workspaceId(), merged.merged());
        events.reassign(merged.workspaceId(), merged.merged(), merged.survivor());
        lifecycles.replay(merged.workspaceId(), List.of(merged.survivor()));
    }
}
