package org.opencxm.feedback;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One question's answer.
 *
 * @param value the scale value (for expectation vs. experience: how well we did)
 * @param importance for expectation vs. experience: how important it is to the customer
 */
public record Answer(
        String questionId,
        @Nullable Integer value,
        @Nullable Integer importance,
        List<String> choices,
        @Nullable String text) {

    public Answer {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public boolean empty() {
        return value == null && importance == null && choices.isEmpty() && (text == null || text.isBlank());
    }
}
