package org.opencxm.feedback.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opencxm.feedback.QuestionType;
import org.opencxm.feedback.internal.Choice;
import org.opencxm.feedback.internal.Condition;
import org.opencxm.feedback.internal.DefinitionEdits;
import org.opencxm.feedback.internal.LocalizedText;
import org.opencxm.feedback.internal.Question;

/**
 * The builder's form for one question: texts in German and English side by side, choices as
 * rows (a row left empty is dropped, a new row gets an id from its label), and skip logic picked
 * from a list of earlier answers ({@link ConditionChoices}), so nobody types an id.
 *
 * @param page 1-based, as the builder shows it
 * @param choiceId one per choice row, empty for a new row
 * @param showIf the picked condition as {@link ConditionChoices} encodes it, empty for none
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
        @Nullable List<String> choiceId,
        @Nullable List<String> choiceDe,
        @Nullable List<String> choiceEn,
        @Nullable String showIf) {

    /** Rows offered for new choices below the existing ones. */
    static final int EMPTY_ROWS = 2;

    /** One choice row as the form shows it. */
    public record Row(String id, String de, String en) {}

    /** This form as submitted, with {@code fallback} for a type that was not one of ours, so the page can show it. */
    QuestionForm orType(QuestionType fallback) {
        return type != null
                ? this
                : new QuestionForm(
                        id, fallback, page, textDe, textEn, hintDe, hintEn, required, choiceId, choiceDe, choiceEn,
                        showIf);
    }

    static QuestionForm of(Question question, int page) {
        var choices = question.choices();
        return new QuestionForm(
                question.id(),
                question.type(),
                page + 1,
                question.text().de(),
                question.text().en(),
                question.hint() == null ? "" : question.hint().de(),
                question.hint() == null ? "" : question.hint().en(),
                question.required(),
                choices.stream().map(Choice::id).toList(),
                choices.stream().map(c -> c.label().de()).toList(),
                choices.stream().map(c -> c.label().en()).toList(),
                ConditionChoices.encode(question.showIf()));
    }

    /** The choice rows to show: the question's, then empty ones to add to. */
    public List<Row> rows() {
        var rows = new ArrayList<Row>();
        var ids = orEmpty(choiceId);
        var de = orEmpty(choiceDe);
        var en = orEmpty(choiceEn);
        for (int i = 0; i < Math.max(ids.size(), Math.max(de.size(), en.size())); i++) {
            rows.add(new Row(at(ids, i), at(de, i), at(en, i)));
        }
        for (int i = 0; i < EMPTY_ROWS; i++) {
            rows.add(new Row("", "", ""));
        }
        return rows;
    }

    Question toQuestion() {
        var hint = LocalizedText.of(orEmpty(hintDe), orEmpty(hintEn));
        return new Question(
                orEmpty(id).strip(),
                type,
                LocalizedText.of(orEmpty(textDe), orEmpty(textEn)),
                hint.blank() ? null : hint,
                Boolean.TRUE.equals(required),
                // rows left from a choice question do not follow it to another type
                type != null && type.choice() ? choices() : List.of(),
                ConditionChoices.decode(orEmpty(showIf)));
    }

    /** The rows with a label, in order; a row without an id gets one made from its label. */
    private List<Choice> choices() {
        var ids = orEmpty(choiceId);
        var de = orEmpty(choiceDe);
        var en = orEmpty(choiceEn);
        var taken = new HashSet<String>();
        ids.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(taken::add);
        var choices = new ArrayList<Choice>();
        for (int i = 0; i < Math.max(de.size(), en.size()); i++) {
            var german = at(de, i).strip();
            var english = at(en, i).strip();
            if (german.isEmpty() && english.isEmpty()) {
                continue;
            }
            var choice = at(ids, i).strip();
            if (choice.isEmpty()) {
                choice = DefinitionEdits.freshChoiceId(english.isEmpty() ? german : english, taken);
                taken.add(choice);
            }
            choices.add(new Choice(
                    choice,
                    LocalizedText.of(german.isEmpty() ? english : german, english.isEmpty() ? german : english)));
        }
        return choices;
    }

    /** The question's condition, if the form picked one. */
    @Nullable
    Condition condition() {
        return ConditionChoices.decode(orEmpty(showIf));
    }

    private static String at(List<String> values, int index) {
        return index < values.size() && values.get(index) != null ? values.get(index) : "";
    }

    private static List<String> orEmpty(@Nullable List<String> values) {
        return values == null ? List.of() : values;
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
