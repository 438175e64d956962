package org.opencxm.journeys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencxm.customers.CustomerId;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.touchpoints.TouchpointId;

/** The worked example of docs/journeys.md, computed by hand there and by the analysis here. */
class FunnelAnalysisTests {

    static final CustomerId A = customer(1), B = customer(2), C = customer(3), D = customer(4), E = customer(5);
    static final TouchpointId SHOP = new TouchpointId(new UUID(0, 10));
    static final TouchpointId APP = new TouchpointId(new UUID(0, 11));
    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-02-01T00:00:00Z");
    static final List<String> STEPS = List.of("Product Viewed", "Checkout Started", "Order Completed");

    @Test
    void countsEachStepWithConversionMediansAndDropOffs() {
        var result = run(FunnelOrder.SEQUENTIAL, FunnelBreakdown.TOUCHPOINT, example());

        assertThat(result.steps())
                .extracting(FunnelResult.StepResult::customers)
                .containsExactly(4L, 3L, 2L);
        assertThat(result.steps().get(1).conversionFromPrevious()).isEqualTo(0.75);
        assertThat(result.steps().get(2).conversionFromPrevious()).isEqualTo(2.0 / 3);
        assertThat(result.steps().get(2).conversionFromFirst()).isEqualTo(0.5);
        assertThat(result.steps().get(1).medianFromPrevious()).isEqualTo(Duration.ofHours(3));
        assertThat(result.steps().get(2).medianFromPrevious()).isEqualTo(Duration.ofHours(22));
        assertThat(result.medianTimeToConvert()).isEqualTo(Duration.ofHours(24));
        assertThat(result.timeToConvert())
                .filteredOn(bucket -> bucket.customers() > 0)
                .singleElement()
                .isEqualTo(new FunnelResult.Bucket("1d", 2));
        assertThat(result.dropOffs().get(0)).containsExactly(C);
        assertThat(result.dropOffs().get(1)).containsExactly(B);
        assertThat(result.rows())
                .containsExactly(
                        new FunnelResult.BreakdownRow(SHOP.toString(), List.of(3L, 2L, 1L)),
                        new FunnelResult.BreakdownRow(APP.toString(), List.of(1L, 1L, 1L)));
    }

    @Test
    void strictOrderAllowsNothingBetweenTwoSteps() {
        var steps = example();
        steps.add(5, step(A, "Cart Viewed", "2026-01-02T10:30:00Z", SHOP));
        var result = run(FunnelOrder.STRICT, FunnelBreakdown.NONE, sorted(steps));

        // A looked at the cart between viewing and checking out; E went straight through
        assertThat(result.steps())
                .extracting(FunnelResult.StepResult::customers)
                .containsExactly(4L, 2L, 1L);
    }

    @Test
    void inAnyOrderStepKCountsWhoDidAtLeastKOfTheSteps() {
        var result = run(FunnelOrder.ANY_ORDER, FunnelBreakdown.NONE, example());

        // D never viewed a product but checked out and ordered: two of the three steps
        assertThat(result.steps())
                .extracting(FunnelResult.StepResult::customers)
                .containsExactly(5L, 4L, 2L);
    }

    @Test
    void aBreakdownByTraitLooksTheValuesUpInChunksAtTheEnd() {
        var analysis = new FunnelAnalysis(
                new FunnelDefinition("Shop", STEPS, 7, FunnelOrder.SEQUENTIAL),
                FROM,
                TO,
                FunnelBreakdown.TRAIT,
                id -> "");
        example().forEach(analysis::accept);
        var asked = new java.util.ArrayList<CustomerId>();

        var result = analysis.finish("plan", chunk -> {
            asked.addAll(chunk);
            return java.util.Map.of(A, "pro", B, "pro", E, "basic");
        });

        // C has no plan; D never entered and is not looked up
        assertThat(asked).containsExactly(A, B, C, E);
        assertThat(result.trait()).isEqualTo("plan");
        assertThat(result.rows())
                .containsExactly(
                        new FunnelResult.BreakdownRow("pro", List.of(2L, 2L, 1L)),
                        new FunnelResult.BreakdownRow(null, List.of(1L, 0L, 0L)),
                        new FunnelResult.BreakdownRow("basic", List.of(1L, 1L, 1L)));
    }

    @Test
    void valuesBeyondTheLargestAreSummedUpInOneRow() {
        var analysis = new FunnelAnalysis(
                new FunnelDefinition("Shop", STEPS, 7, FunnelOrder.SEQUENTIAL),
                FROM,
                TO,
                FunnelBreakdown.TRAIT,
                id -> "");
        var values = new java.util.HashMap<CustomerId, String>();
        for (int i = 0; i < 25; i++) {
            var who = customer(100 + i);
            analysis.accept(step(who, "Product Viewed", "2026-01-02T10:00:00Z", SHOP));
            // one city for the first five customers, one each for the other twenty
            values.put(who, i < 5 ? "Berlin" : "city " + i);
        }

        var rows = analysis.finish("city", chunk -> values).rows();

        assertThat(rows).hasSize(FunnelTally.MAX_ROWS);
        assertThat(rows.get(0)).isEqualTo(new FunnelResult.BreakdownRow("Berlin", List.of(5L, 0L, 0L)));
        assertThat(rows.get(FunnelTally.MAX_ROWS - 1))
                .isEqualTo(new FunnelResult.BreakdownRow(null, List.of(2L, 0L, 0L), true));
    }

    private static FunnelResult run(
            FunnelOrder order, FunnelBreakdown breakdown, List<JourneyAnalysisStore.Step> steps) {
        var analysis =
                new FunnelAnalysis(new FunnelDefinition("Shop", STEPS, 7, order), FROM, TO, breakdown, id -> "SHOP");
        steps.forEach(analysis::accept);
        return analysis.finish();
    }

    /** docs/journeys.md, "A worked funnel": five customers, customer by customer and in time order. */
    static List<JourneyAnalysisStore.Step> example() {
        return new java.util.ArrayList<>(List.of(
                step(A, "Product Viewed", "2026-01-02T10:00:00Z", SHOP),
                step(A, "Checkout Started", "2026-01-02T11:00:00Z", SHOP),
                step(A, "Order Completed", "2026-01-03T10:00:00Z", SHOP),
                step(B, "Product Viewed", "2026-01-05T10:00:00Z", SHOP),
                step(B, "Checkout Started", "2026-01-06T10:00:00Z", SHOP),
                step(B, "Order Completed", "2026-01-20T10:00:00Z", SHOP),
                step(C, "Product Viewed", "2026-01-10T10:00:00Z", SHOP),
                step(D, "Checkout Started", "2026-01-04T10:00:00Z", SHOP),
                step(D, "Order Completed", "2026-01-04T10:05:00Z", SHOP),
                step(E, "Product Viewed", "2025-12-30T09:00:00Z", SHOP),
                step(E, "Product Viewed", "2026-01-15T09:00:00Z", APP),
                step(E, "Checkout Started", "2026-01-15T12:00:00Z", APP),
                step(E, "Order Completed", "2026-01-16T09:00:00Z", APP)));
    }

    private static List<JourneyAnalysisStore.Step> sorted(List<JourneyAnalysisStore.Step> steps) {
        return steps.stream()
                .sorted(java.util.Comparator.comparing(
                                (JourneyAnalysisStore.Step s) -> s.customer().value())
                        .thenComparing(JourneyAnalysisStore.Step::at))
                .toList();
    }

    private static JourneyAnalysisStore.Step step(CustomerId who, String name, String at, TouchpointId where) {
        return new JourneyAnalysisStore.Step(who, name, Instant.parse(at), where, LifecycleStage.REPEAT, where);
    }

    private static CustomerId customer(int n) {
        return new CustomerId(new UUID(0, n));
    }
}
