package org.opencxm.journeys.internal;

import org.opencxm.touchpoints.feeds.EventFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Takes stored events from the collection module's feed a few times a second and moves the
 * customers behind them. Several nodes may run it: they share the batches and serialize per
 * workspace.
 */
@Component
class StageIntake {

    static final int BATCHES = 50;

    private static final Logger log = LoggerFactory.getLogger(StageIntake.class);

    private final EventFeed feed;
    private final Lifecycles lifecycles;

    StageIntake(EventFeed feed, Lifecycles lifecycles) {
        this.feed = feed;
        this.lifecycles = lifecycles;
    }

    /** A take serves one workspace; this keeps going while any has batches, a few seconds at most. */
    static final long BUDGET_NANOS = 5_000_000_000L;

    @Scheduled(fixedDelayString = "${opencxm.journeys.intake-delay}")
    void drain() {
        long until = System.nanoTime() + BUDGET_NANOS;
        int taken;
        do {
            try {
                taken = feed.drain(BATCHES, lifecycles::follow);
            } catch (RuntimeException e) {
                // the feed counted the attempt; batch by batch, a batch that keeps failing is set aside
                log.warn("Following stored events failed for a bulk; retrying it batch by batch", e);
                taken = drainOneByOne();
            }
        } while (taken > 0 && System.nanoTime() < until);
    }

    private int drainOneByOne() {
        int taken = 0;
        for (int i = 0; i < BATCHES; i++) {
            try {
                int one = feed.drain(1, lifecycles::follow);
                if (one == 0) {
                    break;
                }
                taken += one;
            } catch (RuntimeException e) {
                log.warn("A batch of stored events could not be followed; it is tried again, three times at most", e);
                taken++;
            }
        }
        return taken;
    }
}
