package org.opencxm.touchpoints.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.ApiKeyId;
import org.opencxm.platform.WorkspaceId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The live event debugger: what the collection API received lately and what it had to turn
 * away, per write key, so that whoever wires up a shop or an app sees at once whether their
 * events arrive. Rejected messages are kept for a configurable number of days, then deleted.
 */
@Service
public class CollectionDebugger {

    /** How far back the list of received events looks. */
    static final Duration RECENT = Duration.ofDays(1);

    private final EventStore events;
    private final RejectionStore rejections;
    private final Duration retention;
    private final Clock clock;

    CollectionDebugger(
            EventStore events,
            RejectionStore rejections,
            @Value("${opencxm.collection.quarantine-days:7}") int retentionDays,
            Clock clock) {
        this.events = events;
        this.rejections = rejections;
        this.retention = Duration.ofDays(Math.max(1, retentionDays));
        this.clock = clock;
    }

    /** Events of the last day, newest first; of one write key, or of all when {@code key} is null. */
    @Transactional(readOnly = true)
    public List<IncomingEvent> received(WorkspaceId workspace, @Nullable ApiKeyId key, int limit) {
        return events.latest(workspace, key, clock.instant().minus(RECENT), limit);
    }

    /** Messages turned away, newest first, with their reasons. */
    @Transactional(readOnly = true)
    public List<RejectedMessage> rejected(WorkspaceId workspace, @Nullable ApiKeyId key, int limit) {
        return rejections.latest(workspace, key, limit);
    }

    public Duration retention() {
        return retention;
    }

    @Scheduled(cron = "0 17 3 * * *")
    void forgetOldRejections() {
        rejections.purge(clock.instant().minus(retention));
    }
}
