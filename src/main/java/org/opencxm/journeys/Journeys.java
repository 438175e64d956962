package org.opencxm.journeys;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.opencxm.customers.CustomerId;
import org.opencxm.journeys.internal.JourneyQueries;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.platform.WorkspaceId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Where customers stand in the lifecycle and how they got there. */
@Service
public class Journeys {

    private final JourneyQueries queries;

    Journeys(JourneyQueries queries) {
        this.queries = queries;
    }

    /** One customer's journey: stage, purchases, revenue, latest score and every transition. */
    @Transactional(readOnly = true)
    public JourneySummary summary(WorkspaceId workspace, CustomerId customer) {
        return queries.summary(workspace, customer)
                .orElseGet(() ->
                        new JourneySummary(null, null, 0, null, BigDecimal.ZERO, null, null, null, null, 0, List.of()));
    }

    /**
     * How many times customers did something in {@code [from, to)}: {@code "Order Completed"}, say,
     * as the denominator of the complaint rate. Only events of known customers count.
     */
    @Transactional(readOnly = true)
    public long occurrences(WorkspaceId workspace, String eventName, Instant from, Instant to) {
        return queries.occurrences(workspace, eventName, from, to);
    }

    /** How many customers stand in each stage now; every stage is present, empty ones with 0. */
    @Transactional(readOnly = true)
    public Map<LifecycleStage, Long> distribution(WorkspaceId workspace) {
        var counts = new EnumMap<LifecycleStage, Long>(LifecycleStage.class);
        for (var stage : LifecycleStage.values()) {
            counts.put(stage, 0L);
        }
        counts.putAll(queries.distribution(workspace));
        return counts;
    }
}
