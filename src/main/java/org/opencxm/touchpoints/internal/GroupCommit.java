package org.opencxm.touchpoints.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.opencxm.platform.WorkspaceId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores the events of concurrent requests in one transaction, so that they share one durable
 * commit (one WAL flush) instead of paying for one each; each request is answered only once
 * the commit that holds its events is done. No timer and no thread of its own: a request that
 * finds nobody committing commits what is queued, its own included, and the requests that
 * arrive meanwhile form the next group, led by one of them. Alone, a request commits at once;
 * under load the groups grow. Should a group fail, its requests are stored one by one, so that
 * one cannot fail another.
 */
@Component
class GroupCommit {

    /** Bounds one transaction, so that a group's commit stays short. */
    static final int MAX_EVENTS_PER_GROUP = 5_000;

    /** Requests with more events than this commit on their own. */
    static final int ALONE_FROM = 20;

    /** How often a waiting request looks whether the committer is free, to lead the next group. */
    static final Duration LEADER_CHECK = Duration.ofMillis(1);

    private record Request(
            WorkspaceId workspace,
            List<CollectedEvent> events,
            Function<CollectedEvent, UUID> touchpoint,
            Instant receivedAt,
            Sender sender,
            CompletableFuture<Integer> stored) {}

    private final EventStore store;
    private final TransactionTemplate transaction;
    private final ConcurrentLinkedQueue<Request> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean committing = new AtomicBoolean();

    GroupCommit(EventStore store, PlatformTransactionManager transactions) {
        this.store = store;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Stores the events as {@link EventStore#append} does, durably, together with those of
     * concurrent requests.
     *
     * @return how many were new
     */
    int append(
            WorkspaceId workspace,
            List<CollectedEvent> events,
            Function<CollectedEvent, UUID> touchpoint,
            Instant receivedAt,
            Sender sender) {
        if (events.size() > ALONE_FROM) {
            // a batch amortizes its commit itself; grouping it would only serialize the inserts
            return store.append(workspace, events, touchpoint, receivedAt, sender);
        }
        var request = new Request(workspace, events, touchpoint, receivedAt, sender, new CompletableFuture<>());
        queue.add(request);
        try {
            while (!request.stored().isDone()) {
                if (committing.compareAndSet(false, true)) {
                    try {
                        commitNextGroup();
                    } finally {
                        committing.set(false);
                    }
                } else {
                    // whoever commits now may not take this request; then it leads the next group
                    try {
                        request.stored().get(LEADER_CHECK.toNanos(), TimeUnit.NANOSECONDS);
                    } catch (TimeoutException stillQueued) {
                        // look again
                    }
                }
            }
            return request.stored().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // still queued: taken back, so that nothing is stored that was not acknowledged
            if (queue.remove(request)) {
                throw new IllegalStateException("Interrupted before the events were stored", e);
            }
            return request.stored().join();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The oldest queued requests, up to the group limit, in one transaction. */
    private void commitNextGroup() {
        var group = new ArrayList<Request>();
        int events = 0;
        for (Request next; events < MAX_EVENTS_PER_GROUP && (next = queue.poll()) != null; ) {
            group.add(next);
            events += next.events().size();
        }
        if (group.isEmpty()) {
            return;
        }
        try {
            commit(group);
        } catch (Throwable e) {
            // whatever happened, nobody of this group may wait for an answer forever
            group.forEach(request -> request.stored().completeExceptionally(e));
            throw e;
        }
    }

    private void commit(List<Request> group) {
        List<Integer> stored;
        try {
            stored = transaction.execute(status -> storeTogether(group));
        } catch (RuntimeException groupFailed) {
            if (group.size() == 1) {
                group.get(0).stored().completeExceptionally(groupFailed);
                return;
            }
            group.forEach(this::commitAlone);
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).stored().complete(stored.get(i));
        }
    }

    private void commitAlone(Request request) {
        try {
            request.stored().complete(transaction.execute(status -> store(request)));
        } catch (RuntimeException e) {
            request.stored().completeExceptionally(e);
        }
    }

    /**
     * One statement per workspace and sender for the whole group, instead of two per request:
     * what the requests of one sender share (workspace, key, attribution) is bound once.
     *
     * @return how many events of each request were new, in the group's order
     */
    private List<Integer> storeTogether(List<Request> group) {
        var bySender = new LinkedHashMap<List<Object>, List<Request>>();
        for (var request : group) {
            bySender.computeIfAbsent(List.of(request.workspace(), request.sender()), k -> new ArrayList<>())
                    .add(request);
        }
        var counts = new IdentityHashMap<Request, Integer>();
        for (var requests : bySender.values()) {
            var first = requests.get(0);
            var received = new ArrayList<EventStore.Received>();
            for (var request : requests) {
                request.events().forEach(e -> received.add(new EventStore.Received(e, request.receivedAt())));
            }
            var fresh = new HashSet<>(
                    store.appendReceived(first.workspace(), received, first.touchpoint(), first.sender()));
            for (var request : requests) {
                // a message id sent twice in the group is new for the first request that sent it
                counts.put(request, (int) request.events().stream()
                        .filter(e -> fresh.remove(e.messageId()))
                        .count());
            }
        }
        return group.stream().map(counts::get).toList();
    }

    private int store(Request request) {
        return store.append(
                request.workspace(), request.events(), request.touchpoint(), request.receivedAt(), request.sender());
    }
}
