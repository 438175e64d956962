package org.opencxm.touchpoints.feeds;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.touchpoints.internal.EventBatchStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stored events for whoever follows customers through their lifecycle, in bulk and in the order
 * they were stored, each batch only after the identities it revealed have reached the profiles
 * (so that every event's ids lead to a customer). Taking them and acting on them is one
 * transaction per workspace; batches another node is working on are skipped, not waited for.
 *
 * <p>The price of a cheap queue: it names a batch by the arrival times of its events, so events
 * of another request that arrived in the same microsecond come along a second time. Consumers
 * treat an event they have already seen as harmless.
 */
@Service
public class EventFeed {

    private final EventBatchStore store;
    private final TransactionTemplate transactions;

    EventFeed(EventBatchStore store, PlatformTransactionManager transactionManager) {
        this.store = store;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Hands the events of up to {@code batches} stored batches of one workspace to the consumer
     * and removes the batches once it returns, in one transaction. If the consumer fails, the
     * batches stay and count a failed attempt; after three they are set aside, so that one batch
     * that cannot be followed never stops the queue behind it, and nothing is deleted unread.
     *
     * @return how many batches were handed out
     */
    public int drain(int batches, BiConsumer<WorkspaceId, List<StoredEvent>> consumer) {
        var handed = new ArrayList<EventBatchStore.Batch>();
        try {
            return Objects.requireNonNull(transactions.execute(status -> {
                var taken = store.take(batches);
                if (taken.isEmpty()) {
                    return 0;
                }
                handed.addAll(taken);
                var workspace = taken.get(0).workspace();
                consumer.accept(workspace, store.events(workspace, taken));
                store.remove(taken);
                return taken.size();
            }));
        } catch (RuntimeException | Error e) {
            if (!handed.isEmpty()) {
                try {
                    transactions.executeWithoutResult(status -> store.failed(handed));
                } catch (RuntimeException counting) {
                    e.addSuppressed(counting);
                }
            }
            throw e;
        }
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
}
