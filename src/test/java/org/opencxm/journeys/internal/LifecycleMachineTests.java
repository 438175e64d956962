package org.opencxm.journeys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencxm.customers.CustomerId;
import org.opencxm.customers.CustomerIdentities;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.touchpoints.EventType;
import org.opencxm.touchpoints.TouchpointId;
import org.opencxm.touchpoints.feeds.StoredEvent;

/** The lifecycle machine on its own: what live steps and replays must agree on. */
class LifecycleMachineTests {

    static final CustomerId CUSTOMER = new CustomerId(new UUID(0, 1));
    static final TouchpointId SHOP = new TouchpointId(new UUID(0, 2));
    static final TouchpointId HOTLINE = new TouchpointId(new UUID(0, 3));
    static final Instant DAY_0 = Instant.parse("2026-01-01T10:00:00Z");

    final LifecycleMachine machine = new LifecycleMachine(JourneyRules.defaults());

    @Test
    void anEventThatMovesNothingIsStillSeenSoThatAnOlderOneArrivingLaterReplays() {
        var state = LifecycleState.fresh(CUSTOMER, 1);
        machine.apply(state, track("Order Completed", day(0), SHOP));
        machine.apply(state, track("Subscription Cancelled", day(10), SHOP));
        // a delivery cannot bring a churned customer back, but it happened
        machine.apply(state, track("Order Delivered", day(30), SHOP));

        assertThat(state.stage()).isEqualTo(LifecycleStage.CHURNED);
        assertThat(state.lastEventAt()).isEqualTo(day(30));
        assertThat(machine.mightRewrite(state, track("Order Completed", day(20), SHOP)))
                .isTrue();
    }

    @Test
    void eventsAfterTheWindowRanOutHappenInTheInactiveStage() {
        var stages = new ArrayList<LifecycleStage>();
        var replayed = machine.replay(
                identities(day(0)),
                List.of(track("Order Completed", day(0), SHOP), track("Complaint Filed", day(100), HOTLINE)),
                day(120),
                (event, stage) -> stages.add(stage));

        // one purchase: a 90-day window, so the complaint on day 100 comes from an inactive customer
        assertThat(stages).containsExactly(LifecycleStage.ONBOARDING, LifecycleStage.INACTIVE);
        assertThat(replayed.stage()).isEqualTo(LifecycleStage.INACTIVE);
        assertThat(replayed.made().get(1).at()).isEqualTo(day(90));
    }

    @Test
    void aReplayRemembersWhereTheCustomerWasFirstMet() {
        var replayed = machine.replay(
                identities(day(0).minus(Duration.ofHours(1))), List.of(track("Product Viewed", day(0), SHOP)), day(1));

        assertThat(replayed.firstTouchpoint()).isEqualTo(SHOP);
        assertThat(replayed.made())
                .extracting(t -> t.to())
                .containsExactly(LifecycleStage.AWARENESS, LifecycleStage.CONSIDERATION);
    }

    @Test
    void liveStepsEndWhereAReplayEnds() {
        var history = List.of(
                track("Product Viewed", day(0), SHOP),
                track("Order Completed", day(1), SHOP),
                track("Order Delivered", day(3), SHOP),
                track("Order Completed", day(40), SHOP),
                track("Subscription Cancelled", day(60), HOTLINE),
                track("Order Completed", day(200), SHOP));
        var live = LifecycleState.fresh(CUSTOMER, 1);
        for (var event : history) {
            machine.catchUp(live, event.occurredAt());
            machine.apply(live, event);
        }
        machine.catchUp(live, day(210));
        var replayed = machine.replay(identities(day(0)), history, day(210));

        assertThat(live.made()).isEqualTo(replayed.made());
        assertThat(live.made().get(live.made().size() - 1).cause())
                .isEqualTo(org.opencxm.journeys.TransitionCause.WIN_BACK);
    }

    private static CustomerIdentities identities(Instant firstSeen) {
        return new CustomerIdentities(CUSTOMER, firstSeen, List.of("K-1"), List.of());
    }

    private static Instant day(long n) {
        return DAY_0.plus(Duration.ofDays(n));
    }

    private static StoredEvent track(String name, Instant at, TouchpointId where) {
        return new StoredEvent(UUID.randomUUID(), EventType.TRACK, name, "K-1", null, where, at, "{}", true);
    }
}
