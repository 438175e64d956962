package org.opencxm.feedback.web;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One question as the answering page shows it, in the respondent's language, with what they
 * answered so far and what is wrong with it.
 *
 * @param kind {@code scale}, {@code gap}, {@code single}, {@code multiple} or {@code text}
 */
public record QuestionView(
        String id,
        String field,
        String kind,
        String type,
        String text,
        @Nullable String hint,
        boolean required,
        List<Option> options,
        Set<String> selected,
        @Nullable String importance,
        @Nullable String answerText,
        @Nullable String error) {

    /** One radio button or checkbox. */
    public record Option(String value, String label) {}

    public boolean isSelected(String value) {
        return selected.contains(value);
    }

    public boolean isImportance(String value) {
        return value.equals(importance);
    }

    public String describedBy() {
        var ids = (hint != null ? id + "-hint " : "") + (error != null ? id + "-error" : "");
        return ids.strip();
    }
}
