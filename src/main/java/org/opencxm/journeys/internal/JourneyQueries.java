package org.opencxm.journeys.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencxm.customers.CustomerId;
import org.opencxm.journeys.JourneySummary;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.platform.WorkspaceId;
import org.springframework.stereotype.Component;

/** Reads of journeys for the façade and the pages. */
@Component
public class JourneyQueries {

    private final JourneyStore store;
    private final TransitionStore transitions;
    private final JourneyEventStore events;
    private final Clock clock;

    JourneyQueries(JourneyStore store, TransitionStore transitions, JourneyEventStore events, Clock clock) {
        this.store = store;
        this.transitions = transitions;
        this.events = events;
        this.clock = clock;
    }

    public Optional<JourneySummary> summary(WorkspaceId workspace, CustomerId customer) {
        return store.state(workspace, customer).map(state -> {
            var score = state.lastScore();
            return new JourneySummary(
                    state.stage(),
                    state.since(),
                    state.purchases(),
                    state.lastPurchaseAt(),
                    state.revenue(),
                    score == null ? null : score.type(),
                    score == null ? null : score.value(),
                    score == null ? null : score.at(),
                    state.inactiveAt(),
                    events.complaints(workspace, customer, clock.instant().minus(Duration.ofDays(90))),
                    transitions.histories(workspace, List.of(customer)).getOrDefault(customer, List.of()));
        });
    }

    public long occurrences(WorkspaceId workspace, String name, Instant from, Instant to) {
        return events.occurrences(workspace, name, from, to);
    }

    public Map<LifecycleStage, Long> distribution(WorkspaceId workspace) {
        return store.distribution(workspace);
    }
}
