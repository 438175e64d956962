package org.opencxm.feedback.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opencxm.feedback.Answer;

/**
 * Skip logic: the question is shown only if the answer to an earlier question lies in a range
 * (scales) or includes one of the choices. Conditions point only to earlier pages, so the
 * pages work without JavaScript.
 */
public record Condition(
        String question, @Nullable Integer min, @Nullable Integer max, List<String> choices) {

    public Condition {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public static Condition between(String question, int min, int max) {
        return new Condition(question, min, max, List.of());
    }

    /** Whether the earlier answer (or its absence) lets the question show. */
    public boolean metBy(@Nullable Answer answer) {
        if (answer == null) {
            return false;
        }
        if (!choices.isEmpty()) {
            return answer.choices().stream().anyMatch(choices::contains);
        }
        var value = answer.value();
        return value != null && (min == null || value >= min) && (max == null || value <= max);
    }
}
