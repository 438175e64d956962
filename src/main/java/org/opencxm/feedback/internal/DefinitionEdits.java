package org.opencxm.feedback.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.opencxm.feedback.QuestionType;

/**
 * The builder's edits of a survey definition: put a question on a page (new or changed), remove
 * it, move it within its page. Each returns a new definition; pages left empty disappear.
 */
public final class DefinitionEdits {

    private DefinitionEdits() {}

    /**
     * Puts the question on the page (0-based; one past the last page opens a new page). A
     * changed question keeps its place if it stays on its page.
     */
    public static SurveyDefinition put(
            SurveyDefinition definition, @Nullable String replacing, Question question, int page) {
        var pages = mutable(definition);
        int keptAt = -1;
        if (replacing != null) {
            var from = definition.pageOf(replacing);
            if (from >= 0) {
                var questions = pages.get(from);
                int index = indexOf(questions, replacing);
                questions.remove(index);
                if (from == page) {
                    keptAt = index;
                }
            }
        }
        int target = Math.max(0, Math.min(page, pages.size()));
        if (target == pages.size()) {
            pages.add(new ArrayList<>());
        }
        if (keptAt >= 0) {
            pages.get(target).add(keptAt, question);
        } else {
            pages.get(target).add(question);
        }
        return rebuilt(definition, pages);
    }

    /** The new question at the end of the last page. */
    public static SurveyDefinition append(SurveyDefinition definition, Question question) {
        return put(definition, null, question, Math.max(0, definition.pages().size() - 1));
    }

    /**
     * An id for a new question of this type, from the type's name ({@code nps}, {@code comment},
     * then {@code comment-2}): people pick questions from lists and never type ids, but results,
     * exports and the API name questions by them, so they should read well.
     */
    public static String freshId(SurveyDefinition definition, QuestionType type) {
        var base = switch (type) {
            case NPS -> "nps";
            case CSAT -> "csat";
            case CES -> "ces";
            case STARS -> "stars";
            case SINGLE_CHOICE -> "choice";
            case MULTIPLE_CHOICE -> "choices";
            case FREE_TEXT -> "comment";
            case EXPECTATION_GAP -> "gap";
        };
        var taken = definition.questions().stream().map(Question::id).collect(Collectors.toSet());
        return unique(base, taken);
    }

    /** An id for a new choice, from its label ({@code "Zu teuer"} becomes {@code zu-teuer}), unique among {@code taken}. */
    public static String freshChoiceId(String label, Set<String> taken) {
        var slug = Normalizer.normalize(label.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replace("ß", "ss")
                .replaceAll("\\p{M}", "")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() > 30) {
            slug = slug.substring(0, 30).replaceAll("-+$", "");
        }
        return unique(slug.isEmpty() ? "answer" : slug, taken);
    }

    private static String unique(String base, Set<String> taken) {
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            if (!taken.contains(base + "-" + n)) {
                return base + "-" + n;
            }
        }
    }

    public static SurveyDefinition remove(SurveyDefinition definition, String questionId) {
        var pages = mutable(definition);
        pages.forEach(questions -> questions.removeIf(q -> q.id().equals(questionId)));
        return rebuilt(definition, pages);
    }

    /** Moves the question up (-1) or down (+1) within its page. */
    public static SurveyDefinition move(SurveyDefinition definition, String questionId, int by) {
        var pages = mutable(definition);
        var page = definition.pageOf(questionId);
        if (page < 0) {
            return definition;
        }
        var questions = pages.get(page);
        int from = indexOf(questions, questionId);
        int to = Math.max(0, Math.min(questions.size() - 1, from + Integer.signum(by)));
        questions.add(to, questions.remove(from));
        return rebuilt(definition, pages);
    }

    public static SurveyDefinition texts(
            SurveyDefinition definition, @Nullable LocalizedText intro, LocalizedText thankYou) {
        return new SurveyDefinition(intro == null || intro.blank() ? null : intro, definition.pages(), thankYou);
    }

    private static List<List<Question>> mutable(SurveyDefinition definition) {
        var pages = new ArrayList<List<Question>>();
        definition.pages().forEach(page -> pages.add(new ArrayList<>(page.questions())));
        return pages;
    }

    private static int indexOf(List<Question> questions, String id) {
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no question " + id);
    }

    private static SurveyDefinition rebuilt(SurveyDefinition definition, List<List<Question>> pages) {
        return new SurveyDefinition(
                definition.intro(),
                pages.stream().filter(p -> !p.isEmpty()).map(SurveyPage::new).toList(),
                definition.thankYou());
    }
}
