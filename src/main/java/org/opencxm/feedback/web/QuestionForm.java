package org.opencxm.feedback.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.opencxm.feedback.QuestionType;
import org.opencxm.feedback.internal.Choice;
import org.opencxm.feedback.internal.Condition;
import org.opencxm.feedback.internal.LocalizedText;
import org.opencxm.feedback.internal.Question;

/**
 * The builder's form for one question. Choices are one per line, {@code id | Deutsch | English};
 * skip logic names an earlier question and a range or a comma-separated list of choice ids.
 *
 * @param page 1-based, as the builder shows it
 */
public record QuestionForm(
        @Nullable String id,
        @Nullable QuestionType type,
        int page,
        @Nullable String textDe,
        @Nullable String textEn,
        @Nullable String hintDe,
        @Nullable String hintEn,
        @Nullable Boolean required,
        @Nullable String choices,
        @Nullable String showIfQuestion,
        @Nullable Integer showIfMin,
        @Nullable Integer showIfMax,
        @Nullable String showIfChoices) {

    /** This form as submitted, with {@code fallback} for a type that was not one of ours, so the page can show it. */
    QuestionForm orType(QuestionType fallback) {
        return type != null
                ? this
                : new QuestionForm(
                        id,
                        fallback,
                        page,
                        textDe,
                        textEn,
                        hintDe,
                        hintEn,
                        required,
                        choices,
                        showIfQuestion,
                        showIfMin,
                        showIfMax,
                        showIfChoices);
    }

    static QuestionForm blank(int page) {
        return new QuestionForm("", QuestionType.CSAT, page, "", "", "", "", true, "", "", null, null, "");
    }

    static QuestionForm of(Question question, int page) {
        var condition = question.showIf();
        return new QuestionForm(
                question.id(),
                question.type(),
                page + 1,
                question.text().de(),
                question.text().en(),
                question.hint() == null ? "" : question.hint().de(),
                question.hint() == null ? "" : question.hint().en(),
                question.required(),
                question.choices().stream()
                        .map(c -> c.id() + " | " + c.label().de() + " | "
                                + c.label().en())
                        .collect(Collectors.joining("\n")),
                condition == null ? "" : condition.question(),
                condition == null ? null : condition.min(),
                condition == null ? null : condition.max(),
                condition == null ? "" : String.join(", ", condition.choices()));
    }

    Question toQuestion() {
        var hint = LocalizedText.of(orEmpty(hintDe), orEmpty(hintEn));
        return new Question(
                orEmpty(id).strip(),
                type,
                LocalizedText.of(orEmpty(textDe), orEmpty(textEn)),
                hint.blank() ? null : hint,
                Boolean.TRUE.equals(required),
                parsedChoices(),
                condition());
    }

    private List<Choice> parsedChoices() {
        var parsed = new ArrayList<Choice>();
        for (var line : orEmpty(choices).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            var parts = line.split("\\|", -1);
            var id = parts[0].strip();
            var de = parts.length > 1 ? parts[1] : id;
            var en = parts.length > 2 ? parts[2] : de;
            parsed.add(new Choice(id, LocalizedText.of(de, en)));
        }
        return parsed;
    }

    private @Nullable Condition condition() {
        var question = orEmpty(showIfQuestion).strip();
        if (question.isEmpty()) {
            return null;
        }
        var ids = Arrays.stream(orEmpty(showIfChoices).split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        return new Condition(question, ids.isEmpty() ? showIfMin : null, ids.isEmpty() ? showIfMax : null, ids);
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
