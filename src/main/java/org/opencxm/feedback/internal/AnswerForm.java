package org.opencxm.feedback.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opencxm.feedback.Answer;
import org.opencxm.feedback.QuestionType;

/**
 * Reads one page's answers from the submitted form: field {@code q.<id>} holds the value, the
 * choice(s) or the text, {@code q.<id>.importance} the importance of an expectation-vs-experience
 * item. Anything out of range or not among the choices is an error, never stored.
 */
final class AnswerForm {

    static final int MAX_TEXT = 5000;

    /** The page's answers, and per question the message key of what is wrong with its answer. */
    record Result(List<Answer> answers, Map<String, String> errors) {}

    private AnswerForm() {}

    static String field(Question question) {
        return "q." + question.id();
    }

    static Result read(List<Question> shown, Map<String, List<String>> form) {
        var answers = new ArrayList<Answer>();
        var errors = new LinkedHashMap<String, String>();
        for (var question : shown) {
            var values = form.getOrDefault(field(question), List.of()).stream()
                    .filter(v -> v != null && !v.isBlank())
                    .toList();
            var importance = form.getOrDefault(field(question) + ".importance", List.of()).stream()
                    .filter(v -> v != null && !v.isBlank())
                    .findFirst()
                    .orElse(null);
            try {
                var answer = answer(question, values, importance);
                if (answer.empty()) {
                    if (question.required()) {
                        errors.put(question.id(), "respond.error.required");
                    }
                } else if (question.type() == QuestionType.EXPECTATION_GAP
                        && question.required()
                        && (answer.value() == null || answer.importance() == null)) {
                    errors.put(question.id(), "respond.error.required");
                } else {
                    answers.add(answer);
                }
            } catch (IllegalArgumentException e) {
                errors.put(question.id(), e.getMessage());
            }
        }
        return new Result(answers, errors);
    }

    private static Answer answer(Question question, List<String> values, @Nullable String importance) {
        var type = question.type();
        if (type == QuestionType.FREE_TEXT) {
            var text = String.join("\n", values).strip();
            if (text.length() > MAX_TEXT) {
                throw new IllegalArgumentException("respond.error.tooLong");
            }
            return new Answer(question.id(), null, null, List.of(), text.isEmpty() ? null : text);
        }
        if (type.choice()) {
            if (type == QuestionType.SINGLE_CHOICE && values.size() > 1) {
                throw new IllegalArgumentException("respond.error.invalid");
            }
            var distinct = values.stream().distinct().toList();
            if (distinct.stream().anyMatch(v -> question.choice(v) == null)) {
                throw new IllegalArgumentException("respond.error.invalid");
            }
            return new Answer(question.id(), null, null, distinct, null);
        }
        if (values.size() > 1) {
            throw new IllegalArgumentException("respond.error.invalid");
        }
        var value = values.isEmpty() ? null : scale(type, values.get(0));
        var weight = type == QuestionType.EXPECTATION_GAP && importance != null ? scale(type, importance) : null;
        return new Answer(question.id(), value, weight, List.of(), null);
    }

    private static Integer scale(QuestionType type, String raw) {
        try {
            var value = Integer.parseInt(raw.strip());
            if (value < type.min() || value > type.max()) {
                throw new IllegalArgumentException("respond.error.invalid");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("respond.error.invalid");
        }
    }
}
