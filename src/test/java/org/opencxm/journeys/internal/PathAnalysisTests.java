package org.opencxm.journeys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencxm.customers.CustomerId;

/** The worked path example of docs/journeys.md. */
class PathAnalysisTests {

    static final String TARGET = "Order Completed";

    @Test
    void theMostFrequentPathsBeforeAnEventWithTheirSankeyLinks() {
        var analysis = new PathAnalysis(new PathQuery(
                TARGET,
                true,
                3,
                30,
                false,
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-02-01T00:00:00Z")));
        steps(analysis, 1, "Product Viewed", "Product Viewed", "Cart Viewed", "Checkout Started");
        steps(analysis, 2, "Products Searched", "Product Viewed", "Cart Viewed", "Checkout Started");
        steps(analysis, 3, "Checkout Started");
        analysis.accept(customer(4), null);

        var result = analysis.finish();

        assertThat(result.customers()).isEqualTo(4);
        assertThat(result.top())
                .containsExactly(
                        new PathResult.TopPath(List.of("Product Viewed", "Cart Viewed", "Checkout Started"), 2, 0.5),
                        new PathResult.TopPath(List.of("Checkout Started"), 1, 0.25),
                        new PathResult.TopPath(List.of(), 1, 0.25));
        assertThat(result.links())
                .containsExactly(
                        link(-1, "Checkout Started", 0, TARGET, 3),
                        link(-3, "Product Viewed", -2, "Cart Viewed", 2),
                        link(-2, "Cart Viewed", -1, "Checkout Started", 2));
    }

    @Test
    void afterAnEventTheFirstStepsCount() {
        var analysis = new PathAnalysis(new PathQuery(
                "Subscription Cancelled", false, 2, 30, false, Instant.EPOCH, Instant.parse("2030-01-01T00:00:00Z")));
        steps(analysis, 1, "Support Contacted", "Complaint Filed", "Order Completed");

        assertThat(analysis.finish().top())
                .singleElement()
                .extracting(PathResult.TopPath::steps)
                .isEqualTo(List.of("Support Contacted", "Complaint Filed"));
    }

    private static void steps(PathAnalysis analysis, int who, String... steps) {
        for (var step : steps) {
            analysis.accept(customer(who), step);
        }
    }

    private static PathResult.Link link(int fromPosition, String from, int toPosition, String to, long customers) {
        return new PathResult.Link(
                new PathResult.Node(fromPosition, from), new PathResult.Node(toPosition, to), customers);
    }

    private static CustomerId customer(int n) {
        return new CustomerId(new UUID(0, n));
    }
}
