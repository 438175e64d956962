package org.opencxm.feedback.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opencxm.feedback.Answer;
import org.opencxm.feedback.QuestionType;

/**
 * One question. Scales use the range of their type; choice questions list their options.
 *
 * @param id stable within the survey (answers refer to it), e.g. {@code q1} or {@code nps}
 * @param hint optional help text below the question, e.g. the scale's end labels
 * @param showIf skip logic: shown only when an earlier answer meets it
 */
public record Question(
        String id,
        QuestionType type,
        LocalizedText text,
        @Nullable LocalizedText hint,
        boolean required,
        List<Choice> choices,
        @Nullable Condition showIf) {

    public Question {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** Whether the respondent is asked this question, given the answers so far. */
    public boolean shownFor(Map<String, Answer> answers) {
        return showIf == null || showIf.metBy(answers.get(showIf.question()));
    }

    /** Whether the answer is one this question could have been given: in range, among the choices, not too long. */
    public boolean admits(Answer answer) {
        if (!answer.questionId().equals(id)) {
            return false;
        }
        if (type == QuestionType.FREE_TEXT) {
            return answer.value() == null
                    && answer.choices().isEmpty()
                    && (answer.text() == null || answer.text().length() <= AnswerForm.MAX_TEXT);
        }
        if (type.choice()) {
            return answer.value() == null
                    && (type == QuestionType.MULTIPLE_CHOICE || answer.choices().size() <= 1)
                    && answer.choices().stream().allMatch(c -> choice(c) != null);
        }
        return answer.choices().isEmpty()
                && answer.text() == null
                && inRange(answer.value())
                && (type == QuestionType.EXPECTATION_GAP ? inRange(answer.importance()) : answer.importance() == null);
    }

    private boolean inRange(@Nullable Integer value) {
        return value == null || (value >= type.min() && value <= type.max());
    }

    public @Nullable Choice choice(String choiceId) {
        return choices.stream().filter(c -> c.id().equals(choiceId)).findFirst().orElse(null);
    }
}
