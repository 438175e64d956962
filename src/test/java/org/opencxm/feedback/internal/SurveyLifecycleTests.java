package org.opencxm.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencxm.feedback.internal.FeedbackExamples.NOW;
import static org.opencxm.feedback.internal.FeedbackExamples.definition;
import static org.opencxm.feedback.internal.FeedbackExamples.draft;
import static org.opencxm.feedback.internal.FeedbackExamples.survey;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencxm.platform.common.InvalidInputException;

/** A survey's status moves forward (draft, active, closed) and may reopen, but never back to draft. */
class SurveyLifecycleTests {

    @ParameterizedTest
    @CsvSource({
        "DRAFT, DRAFT, true", "DRAFT, ACTIVE, true", "DRAFT, CLOSED, true",
        "ACTIVE, ACTIVE, true", "ACTIVE, CLOSED, true", "ACTIVE, DRAFT, false",
        "CLOSED, CLOSED, true", "CLOSED, ACTIVE, true", "CLOSED, DRAFT, false"
    })
    void transitions(SurveyStatus from, SurveyStatus to, boolean allowed) {
        assertThat(from.canTransitionTo(to)).isEqualTo(allowed);
    }

    @Test
    void anActiveSurveyRefusesToBecomeADraftAgain() {
        var active = survey(SurveyStatus.ACTIVE);

        assertThatThrownBy(() -> active.revise(draft(SurveyStatus.DRAFT, active.definition()), NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("status");
                    assertThat(e.messageKey()).isEqualTo("survey.invalid.transition");
                });
    }

    @Test
    void revisingKeepsIdentityAndCreationAndTakesTheRest() {
        var active = survey(SurveyStatus.ACTIVE);
        var later = NOW.plusSeconds(60);

        var closed = active.revise(draft(SurveyStatus.CLOSED, active.definition()), later);

        assertThat(closed.id()).isEqualTo(active.id());
        assertThat(closed.publicKey()).isEqualTo(active.publicKey());
        assertThat(closed.createdAt()).isEqualTo(active.createdAt());
        assertThat(closed.updatedAt()).isEqualTo(later);
        assertThat(closed.status()).isEqualTo(SurveyStatus.CLOSED);
        assertThat(closed.open()).isFalse();
    }

    @Test
    void anInvalidDefinitionIsRefusedBeforeAnythingChanges() {
        var active = survey(SurveyStatus.ACTIVE);

        assertThatThrownBy(() -> active.revise(draft(SurveyStatus.ACTIVE, definition(List.of())), NOW))
                .isInstanceOf(InvalidInputException.class);
    }
}
