package org.opencxm.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencxm.feedback.internal.FeedbackExamples.choice;
import static org.opencxm.feedback.internal.FeedbackExamples.definition;
import static org.opencxm.feedback.internal.FeedbackExamples.scale;
import static org.opencxm.feedback.internal.FeedbackExamples.text;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencxm.feedback.Answer;
import org.opencxm.feedback.QuestionType;
import org.opencxm.platform.common.InvalidInputException;

/** Skip logic, paging and validation of a survey definition, without a database. */
class SurveyDefinitionTests {

    /** Page 1: NPS; page 2: "what to improve" for detractors, "what you like" for promoters; page 3: a choice. */
    private final SurveyDefinition nps = definition(List.of(
            List.of(scale("nps", QuestionType.NPS)),
            List.of(text("improve", Condition.between("nps", 0, 6)), text("like", Condition.between("nps", 9, 10))),
            List.of(choice("contact", QuestionType.SINGLE_CHOICE, "yes", "no"))));

    @Test
    void aLaterPageShowsOnlyTheQuestionsTheEarlierAnswersCallFor() {
        var detractor = Map.of("nps", score(3));
        var passive = Map.of("nps", score(8));

        assertThat(nps.shown(1, detractor)).extracting(Question::id).containsExactly("improve");
        assertThat(nps.shown(1, passive)).isEmpty();
        assertThat(nps.nextPage(0, detractor)).isEqualTo(1);
        assertThat(nps.nextPage(0, passive))
                .as("a page with nothing to ask is skipped")
                .isEqualTo(2);
        assertThat(nps.nextPage(2, passive))
                .as("after the last page the survey is done")
                .isEqualTo(-1);
    }

    @Test
    void theHeadlineIsTheFirstRatingQuestion() {
        assertThat(nps.headline()).map(Question::id).contains("nps");
        assertThat(definition(List.of(List.of(text("why", null)))).headline()).isEmpty();
        assertThat(nps.pageOf("like")).isEqualTo(1);
        assertThat(nps.pageOf("nothing")).isEqualTo(-1);
    }

    @Test
    void aValidDefinitionPassesAsItIs() {
        assertThat(nps.validate()).isSameAs(nps);
    }

    @Test
    void validationNamesEveryProblemWithItsPath() {
        var broken = definition(List.of(
                List.of(text("why", Condition.between("later", 0, 6)), scale("why", QuestionType.CSAT)),
                List.of(
                        scale("later", QuestionType.NPS),
                        choice("one", QuestionType.SINGLE_CHOICE, "only"),
                        scale("bad id!", QuestionType.STARS))));

        assertThatThrownBy(broken::validate)
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .containsExactlyInAnyOrder(
                                        new InvalidInputException.Problem(
                                                "definition.pages[0].questions[0].showIf.question",
                                                "survey.invalid.conditionNotEarlier"),
                                        new InvalidInputException.Problem(
                                                "definition.pages[0].questions[1].id", "survey.invalid.duplicateId"),
                                        new InvalidInputException.Problem(
                                                "definition.pages[1].questions[1].choices",
                                                "survey.invalid.choiceCount"),
                                        new InvalidInputException.Problem(
                                                "definition.pages[1].questions[2].id", "survey.invalid.questionId")));
    }

    @Test
    void aSurveyWithoutQuestionsIsRefused() {
        assertThatThrownBy(() -> definition(List.of()).validate())
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidInputException.Problem::messageKey)
                                .containsExactly("survey.invalid.noQuestions"));
    }

    @Test
    void skipLogicMustWaitForAnAnswerTheEarlierQuestionCanGive() {
        for (var condition : List.of(
                new Condition("contact", null, null, List.of("maybe")),
                new Condition("contact", 1, 2, List.of()),
                new Condition("nps", 0, 11, List.of()),
                new Condition("nps", 8, 3, List.of()),
                new Condition("nps", null, null, List.of()),
                new Condition("nps", null, null, List.of("yes")),
                new Condition("improve", null, null, List.of("x")))) {
            var broken = definition(List.of(
                    List.of(scale("nps", QuestionType.NPS)),
                    List.of(
                            text("improve", Condition.between("nps", 0, 6)),
                            choice("contact", QuestionType.SINGLE_CHOICE, "yes", "no")),
                    List.of(text("follow", condition))));
            assertThatThrownBy(broken::validate)
                    .as("%s", condition)
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.problems())
                                    .extracting(InvalidInputException.Problem::messageKey)
                                    .containsExactly("survey.invalid.conditionAnswer"));
        }
        var fine = definition(List.of(
                List.of(scale("nps", QuestionType.NPS), choice("contact", QuestionType.SINGLE_CHOICE, "yes", "no")),
                List.of(
                        text("a", new Condition("contact", null, null, List.of("yes"))),
                        text("b", new Condition("nps", 9, null, List.of())))));
        assertThat(fine.validate()).isSameAs(fine);
        for (var template : org.opencxm.feedback.SurveyTemplate.values()) {
            var definition = TemplateDefinitions.definition(template);
            assertThat(definition.validate()).as("%s", template).isSameAs(definition);
        }
    }

    private static Answer score(int value) {
        return new Answer("nps", value, null, List.of(), null);
    }
}
