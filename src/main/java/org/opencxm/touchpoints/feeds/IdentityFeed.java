package org.opencxm.touchpoints.feeds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.BiConsumer;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.touchpoints.internal.ObservationStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The identities that stored events revealed, oldest first, for whoever keeps profiles. Taking
 * them and acting on them is one transaction: if the consumer fails, they stay for the next
 * attempt; rows another node is working on are skipped, not waited for.
 */
@Service
public class IdentityFeed {

    private final ObservationStore store;

    IdentityFeed(ObservationStore store) {
        this.store = store;
    }

    /**
     * Hands up to {@code limit} observations to the consumer, grouped by workspace in the order
     * they were stored, and removes them once it returns.
     *
     * @return how many observations were handed out
     */
    @Transactional
    public int drain(int limit, BiConsumer<WorkspaceId, List<IdentityObservation>> consumer) {
        var queued = store.take(limit);
        if (queued.isEmpty()) {
            return 0;
        }
        var byWorkspace = new LinkedHashMap<WorkspaceId, List<IdentityObservation>>();
        for (var row : queued) {
            byWorkspace.computeIfAbsent(row.workspace(), w -> new ArrayList<>()).add(row.observation());
        }
        byWorkspace.forEach(consumer);
        store.remove(queued.stream().map(ObservationStore.Queued::id).toList());
        return queued.size();
    }
}
