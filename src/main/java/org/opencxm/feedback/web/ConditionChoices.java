package org.opencxm.feedback.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.opencxm.feedback.QuestionType;
import org.opencxm.feedback.internal.Choice;
import org.opencxm.feedback.internal.Condition;
import org.opencxm.feedback.internal.Question;
import org.springframework.context.MessageSource;

/**
 * Skip logic as a list to pick from: for each earlier question, the usual groups of its scale
 * (an NPS's detractors, passives and promoters; a scale's low end, middle and high end) and each
 * of its choices. The picked option travels as {@code question:min:max} or
 * {@code question=choice,choice}; ids hold neither sign.
 */
final class ConditionChoices {

    public record Option(String value, String label) {}

    /** An optgroup: one earlier question and what its answer may be. */
    public record Group(String label, List<Option> options) {}

    private ConditionChoices() {}

    static String encode(@Nullable Condition condition) {
        if (condition == null) {
            return "";
        }
        if (!condition.choices().isEmpty()) {
            return condition.question() + "=" + String.join(",", condition.choices());
        }
        return condition.question() + ":" + (condition.min() == null ? "" : condition.min()) + ":"
                + (condition.max() == null ? "" : condition.max());
    }

    static @Nullable Condition decode(String value) {
        var picked = value.strip();
        if (picked.isEmpty()) {
            return null;
        }
        var equals = picked.indexOf('=');
        if (equals > 0) {
            var choices = Arrays.stream(picked.substring(equals + 1).split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
            return new Condition(picked.substring(0, equals), null, null, choices);
        }
        var parts = picked.split(":", -1);
        return new Condition(parts[0], number(parts, 1), number(parts, 2), List.of());
    }

    /**
     * What the question at hand may depend on: every earlier scale or choice question. The
     * current condition stays among the options even when it is none of the usual groups.
     */
    static List<Group> before(
            List<Question> earlier, @Nullable Condition current, MessageSource messages, Locale locale) {
        var language = locale.getLanguage();
        var groups = new ArrayList<Group>();
        var currentValue = encode(current);
        var currentOffered = currentValue.isEmpty();
        for (var question : earlier) {
            var options = new ArrayList<Option>();
            if (question.type().choice()) {
                for (Choice choice : question.choices()) {
                    options.add(new Option(
                            question.id() + "=" + choice.id(), choice.label().in(language, "de")));
                }
            } else if (question.type().scale()) {
                for (var bucket : buckets(question.type())) {
                    options.add(new Option(
                            question.id() + ":" + bucket[0] + ":" + bucket[1],
                            bucketLabel(question.type(), bucket, messages, locale)));
                }
            } else {
                continue;
            }
            if (current != null && current.question().equals(question.id())) {
                currentOffered |= options.stream().anyMatch(o -> o.value().equals(currentValue));
                if (!currentOffered) {
                    options.add(0, new Option(currentValue, describe(current, question, language)));
                    currentOffered = true;
                }
            }
            groups.add(new Group(question.text().in(language, "de"), List.copyOf(options)));
        }
        if (!currentOffered) {
            // the question it depends on is gone or comes later: show the condition so it can be changed
            groups.add(0, new Group(current.question(), List.of(new Option(currentValue, currentValue))));
        }
        return List.copyOf(groups);
    }

    /** The usual groups of a scale's answers. */
    static List<int[]> buckets(QuestionType type) {
        return switch (type) {
            case NPS -> List.of(new int[] {0, 6}, new int[] {7, 8}, new int[] {9, 10});
            case CES -> List.of(new int[] {1, 3}, new int[] {4, 4}, new int[] {5, 7});
            default ->
                List.of(new int[] {type.min(), type.min() + 1}, new int[] {type.min() + 2, type.min() + 2}, new int[] {
                    type.max() - 1, type.max()
                });
        };
    }

    private static String bucketLabel(QuestionType type, int[] bucket, MessageSource messages, Locale locale) {
        var position = bucket[0] == type.min() ? 0 : bucket[1] == type.max() ? 2 : 1;
        var key = type == QuestionType.NPS ? "question.bucket.NPS." + position : "question.bucket." + position;
        return messages.getMessage(key, new Object[] {bucket[0], bucket[1]}, locale);
    }

    private static String describe(Condition condition, Question question, String language) {
        if (!condition.choices().isEmpty()) {
            return String.join(
                    ", ",
                    condition.choices().stream()
                            .map(id -> question.choices().stream()
                                    .filter(c -> c.id().equals(id))
                                    .map(c -> c.label().in(language, "de"))
                                    .findFirst()
                                    .orElse(id))
                            .toList());
        }
        return (condition.min() == null ? "…" : condition.min()) + "–"
                + (condition.max() == null ? "…" : condition.max());
    }

    private static @Nullable Integer number(String[] parts, int index) {
        if (index >= parts.length || parts[index].isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(parts[index].strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
