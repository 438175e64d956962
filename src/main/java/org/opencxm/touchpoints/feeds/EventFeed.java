package org.opencxm.touchpoints.feeds;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.BiConsumer;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.touchpoints.internal.EventBatchStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stored events for whoever follows customers through their lifecycle, in bulk and in the order
 * they were stored, each batch only after the identities it revealed have reached the profiles
 * (so that every event's ids lead to a customer). Taking them and acting on them is one
 * transaction; batches another node is working on are skipped, not waited for.
 *
 * <p>The price of a cheap queue: it names a batch by the arrival times of its events, so events
 * of another request that arrived in the same microsecond come along a second time. Consumers
 * treat an event they have already seen as harmless.
 */
@Service
public class EventFeed {

    private final EventBatchStore store;

    EventFeed(EventBatchStore store) {
        this.store = store;
    }

    /**
     * Hands the events of up to {@code batches} stored batches to the consumer, per workspace,
     * and removes the batches once it returns.
     *
     * @return how many batches were handed out
     */
    @Transactional
    public int drain(int batches, BiConsumer<WorkspaceId, List<StoredEvent>> consumer) {
        var taken = store.take(batches);
        if (taken.isEmpty()) {
            return 0;
        }
        var byWorkspace = new LinkedHashMap<WorkspaceId, List<EventBatchStore.Batch>>();
        for (var batch : taken) {
            byWorkspace
                    .computeIfAbsent(batch.workspace(), w -> new ArrayList<>())
                    .add(batch);
        }
        byWorkspace.forEach((workspace, list) -> consumer.accept(workspace, store.events(workspace, list)));
        store.remove(taken);
        return taken.size();
    }

    /**
     * Drops the oldest batch that is ready, unread: for a consumer that failed on it twice and
     * must not stop the queue for everyone behind it.
     *
     * @return how many batches were dropped (0 or 1)
     */
    @Transactional
    public int discardOldest() {
        var taken = store.take(1);
        store.remove(taken);
        return taken.size();
    }

    /**
     * Everything a lifecycle is derived from that was stored under any of these ids: track and
     * identify events, oldest first, for a replay of one or many customers' histories.
     */
    @Transactional(readOnly = true)
    public List<StoredEvent> history(
            WorkspaceId workspace, Collection<String> userIds, Collection<String> anonymousIds) {
        if (userIds.isEmpty() && anonymousIds.isEmpty()) {
            return List.of();
        }
        return store.history(workspace, userIds, anonymousIds);
    }

    /** Whether batches are waiting: for tests and the lag a benchmark reports. */
    @Transactional(readOnly = true)
    public long waiting() {
        return store.waiting();
    }
}
