package org.opencxm.feedback;

import java.util.List;
import org.jspecify.annotations.Nullable;

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
    public boolean shownFor(java.util.Map<String, Answer> answers) {
        return showIf == null || showIf.metBy(answers.get(showIf.question()));
    }

    public @Nullable Choice choice(String choiceId) {
        return choices.stream().filter(c -> c.id().equals(choiceId)).findFirst().orElse(null);
    }
}
