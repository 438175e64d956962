package org.opencxm.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencxm.feedback.internal.FeedbackExamples.choice;
import static org.opencxm.feedback.internal.FeedbackExamples.scale;
import static org.opencxm.feedback.internal.FeedbackExamples.text;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencxm.feedback.Answer;
import org.opencxm.feedback.QuestionType;

/** Which answers a question could have been given, as history from elsewhere is checked. */
class QuestionTests {

    @Test
    void aScaleAdmitsValuesInItsRangeOnly() {
        var nps = scale("nps", QuestionType.NPS);

        assertThat(nps.admits(new Answer("nps", 0, null, List.of(), null))).isTrue();
        assertThat(nps.admits(new Answer("nps", 10, null, List.of(), null))).isTrue();
        assertThat(nps.admits(new Answer("nps", 11, null, List.of(), null))).isFalse();
        assertThat(nps.admits(new Answer("nps", 5, 3, List.of(), null)))
                .as("no importance")
                .isFalse();
        assertThat(nps.admits(new Answer("other", 5, null, List.of(), null))).isFalse();
    }

    @Test
    void expectationVersusExperienceAdmitsBothInRange() {
        var gap = scale("on_time", QuestionType.EXPECTATION_GAP);

        assertThat(gap.admits(new Answer("on_time", 4, 5, List.of(), null))).isTrue();
        assertThat(gap.admits(new Answer("on_time", 4, 6, List.of(), null))).isFalse();
    }

    @Test
    void aChoiceQuestionAdmitsItsOwnChoicesAndASingleChoiceOnlyOne() {
        var single = choice("reason", QuestionType.SINGLE_CHOICE, "price", "service");
        var multiple = choice("reasons", QuestionType.MULTIPLE_CHOICE, "price", "service");

        assertThat(single.admits(new Answer("reason", null, null, List.of("price"), null)))
                .isTrue();
        assertThat(single.admits(new Answer("reason", null, null, List.of("price", "service"), null)))
                .isFalse();
        assertThat(single.admits(new Answer("reason", null, null, List.of("weather"), null)))
                .isFalse();
        assertThat(multiple.admits(new Answer("reasons", null, null, List.of("price", "service"), null)))
                .isTrue();
    }

    @Test
    void freeTextAdmitsTextUpToItsLimit() {
        var why = text("why", null);

        assertThat(why.admits(new Answer("why", null, null, List.of(), "Zu teuer.")))
                .isTrue();
        assertThat(why.admits(new Answer("why", null, null, List.of(), "x".repeat(AnswerForm.MAX_TEXT + 1))))
                .isFalse();
        assertThat(why.admits(new Answer("why", 3, null, List.of(), null))).isFalse();
    }
}
