package org.opencxm.touchpoints.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps monthly partitions of the event table ready: the current month and the next two.
 * Idempotent, so every node may run it at start and daily; a node that loses a race to create
 * the same partition just logs it. Rows outside all partitions land in {@code event_default}.
 */
@Component
class EventPartitions {

    private static final Logger log = LoggerFactory.getLogger(EventPartitions.class);
    private static final int MONTHS_AHEAD = 2;

    private final EventStore store;
    private final Clock clock;

    EventPartitions(EventStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        ensure();
    }

    @Scheduled(cron = "0 17 3 * * *")
    void ensure() {
        var month = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).withDayOfMonth(1);
        for (int i = 0; i <= MONTHS_AHEAD; i++) {
            create(month.plusMonths(i));
        }
    }

    private void create(LocalDate month) {
        try {
            store.createPartition(month);
        } catch (DataAccessException e) {
            log.warn(
                    "Could not create the event partition of {}: {}",
                    month,
                    e.getMostSpecificCause().getMessage());
        }
    }
}
