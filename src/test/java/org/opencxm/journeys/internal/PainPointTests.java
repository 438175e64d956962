package org.opencxm.journeys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.touchpoints.TouchpointId;

/** The pain-point score's worked example of docs/journeys.md. */
class PainPointTests {

    static final TouchpointId HOTLINE = new TouchpointId(new UUID(0, 1));

    @Test
    void weighsDropOffNegativeFeedbackAndComplaints() {
        var cell = new PainPoint(HOTLINE, LifecycleStage.USAGE, 20, 50, 10, 4, 5, 6);

        assertThat(cell.dropOffRate()).isEqualTo(0.3);
        assertThat(cell.negativeShare()).isEqualTo(0.4);
        assertThat(cell.complaintShare()).isEqualTo(0.1);
        // 100 × (0.4 × 0.3 + 0.3 × 0.4 + 0.3 × 0.1) = 27
        assertThat(cell.score()).isCloseTo(27.0, within(1e-9));
        assertThat(cell.ranked()).isTrue();
    }

    @Test
    void aFewCustomersAreAnAnecdoteNotARank() {
        var cell = new PainPoint(HOTLINE, LifecycleStage.USAGE, 9, 9, 0, 0, 9, 9);

        assertThat(cell.negativeShare()).as("no responses, no negative share").isZero();
        assertThat(cell.ranked()).isFalse();
    }

    @Test
    void negativeFeedbackIsCountedAsTheKpiCatalogueDoes() {
        assertThat(new EventProperties.Score("NPS", 6).signal()).isEqualTo(EventProperties.Signal.NEGATIVE);
        assertThat(new EventProperties.Score("NPS", 7).signal()).isNull();
        assertThat(new EventProperties.Score("NPS", 9).signal()).isEqualTo(EventProperties.Signal.POSITIVE);
        assertThat(new EventProperties.Score("CSAT", 2).signal()).isEqualTo(EventProperties.Signal.NEGATIVE);
        assertThat(new EventProperties.Score("CSAT", 3).signal()).isNull();
        assertThat(new EventProperties.Score("CES", 3).signal()).isEqualTo(EventProperties.Signal.NEGATIVE);
        assertThat(new EventProperties.Score("CES", 4).signal()).isNull();
        assertThat(new EventProperties.Score("STARS", 2).signal()).isEqualTo(EventProperties.Signal.NEGATIVE);
    }
}
