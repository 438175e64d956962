package org.opencxm.feedback.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opencxm.feedback.Answer;
import org.opencxm.feedback.QuestionType;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.common.InvalidInputException.Problem;

/**
 * What a survey asks: its pages of questions, an optional introduction and the thank-you text.
 * {@link #validate()} names every problem at once, with the path of the offending field.
 */
public record SurveyDefinition(@Nullable LocalizedText intro, List<SurveyPage> pages, LocalizedText thankYou) {

    static final int MAX_QUESTIONS = 100;
    static final int MAX_TEXT = 2000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    public SurveyDefinition {
        pages = pages == null ? List.of() : List.copyOf(pages);
        thankYou = thankYou == null ? LocalizedText.of("", "") : thankYou;
    }

    public List<Question> questions() {
        return pages.stream().flatMap(page -> page.questions().stream()).toList();
    }

    public Optional<Question> question(String id) {
        return questions().stream().filter(q -> q.id().equals(id)).findFirst();
    }

    /** The page number (0-based) a question is on, or -1. */
    public int pageOf(String questionId) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).questions().stream().anyMatch(q -> q.id().equals(questionId))) {
                return i;
            }
        }
        return -1;
    }

    /** The questions of a page the respondent is asked, given the answers so far. */
    public List<Question> shown(int page, Map<String, Answer> answers) {
        return pages.get(page).questions().stream()
                .filter(q -> q.shownFor(answers))
                .toList();
    }

    /** The next page after {@code page} with a question to ask, or -1 when the survey is done. */
    public int nextPage(int page, Map<String, Answer> answers) {
        for (int p = page + 1; p < pages.size(); p++) {
            if (!shown(p, answers).isEmpty()) {
                return p;
            }
        }
        return -1;
    }

    /** The first question that yields the survey's headline score (NPS, CSAT, CES or stars). */
    public Optional<Question> headline() {
        return questions().stream()
                .filter(q -> q.type().scale() && q.type() != QuestionType.EXPECTATION_GAP)
                .findFirst();
    }

    public SurveyDefinition validate() {
        var problems = new ArrayList<Problem>();
        if (pages.isEmpty() || questions().isEmpty()) {
            problems.add(new Problem("definition.pages", "survey.invalid.noQuestions"));
        }
        if (questions().size() > MAX_QUESTIONS) {
            problems.add(new Problem("definition.pages", "survey.invalid.tooManyQuestions"));
        }
        check(intro, "definition.intro", problems);
        check(thankYou, "definition.thankYou", problems);
        var seen = new HashSet<String>();
        var pageOf = new HashMap<String, Integer>();
        var asked = new HashMap<String, Question>();
        for (int p = 0; p < pages.size(); p++) {
            var page = pages.get(p);
            if (page.questions().isEmpty()) {
                problems.add(new Problem("definition.pages[" + p + "]", "survey.invalid.emptyPage"));
            }
            for (int q = 0; q < page.questions().size(); q++) {
                var path = "definition.pages[" + p + "].questions[" + q + "]";
                var question = page.questions().get(q);
                validateQuestion(question, path, p, pageOf, asked, seen, problems);
                if (question.id() != null) {
                    pageOf.put(question.id(), p);
                    asked.put(question.id(), question);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return this;
    }

    private void validateQuestion(
            Question question,
            String path,
            int page,
            HashMap<String, Integer> pageOf,
            HashMap<String, Question> asked,
            HashSet<String> seen,
            List<Problem> problems) {
        if (question.id() == null || !ID.matcher(question.id()).matches()) {
            problems.add(new Problem(path + ".id", "survey.invalid.questionId"));
        } else if (!seen.add(question.id())) {
            problems.add(new Problem(path + ".id", "survey.invalid.duplicateId"));
        }
        if (question.type() == null) {
            problems.add(new Problem(path + ".type", "survey.invalid.type"));
            return;
        }
        if (question.text() == null || question.text().blank()) {
            problems.add(new Problem(path + ".text", "survey.invalid.text"));
        } else {
            check(question.text(), path + ".text", problems);
        }
        check(question.hint(), path + ".hint", problems);
        if (question.type().choice()) {
            validateChoices(question, path, problems);
        } else if (!question.choices().isEmpty()) {
            problems.add(new Problem(path + ".choices", "survey.invalid.choicesNotAllowed"));
        }
        var condition = question.showIf();
        if (condition != null) {
            var earlierPage = pageOf.get(condition.question());
            if (earlierPage == null || earlierPage >= page) {
                problems.add(new Problem(path + ".showIf.question", "survey.invalid.conditionNotEarlier"));
            } else if (!answerable(condition, asked.get(condition.question()))) {
                problems.add(new Problem(path + ".showIf", "survey.invalid.conditionAnswer"));
            }
        }
    }

    /**
     * Whether the earlier question can give the answer the condition waits for: one of its
     * choices, or a range within its scale. Otherwise the question would never show, and nobody
     * would notice (a choice removed, a range beyond the scale).
     */
    private static boolean answerable(Condition condition, @Nullable Question earlier) {
        if (earlier == null || earlier.type() == null) {
            return false;
        }
        if (earlier.type().choice()) {
            var ids = earlier.choices().stream().map(Choice::id).collect(java.util.stream.Collectors.toSet());
            return condition.min() == null
                    && condition.max() == null
                    && !condition.choices().isEmpty()
                    && ids.containsAll(condition.choices());
        }
        if (!earlier.type().scale() || !condition.choices().isEmpty()) {
            return false;
        }
        var type = earlier.type();
        var min = condition.min() == null ? type.min() : condition.min();
        var max = condition.max() == null ? type.max() : condition.max();
        return (condition.min() != null || condition.max() != null)
                && min >= type.min()
                && max <= type.max()
                && min <= max;
    }

    private static void validateChoices(Question question, String path, List<Problem> problems) {
        if (question.choices().size() < 2 || question.choices().size() > 30) {
            problems.add(new Problem(path + ".choices", "survey.invalid.choiceCount"));
        }
        var ids = new HashSet<String>();
        for (int c = 0; c < question.choices().size(); c++) {
            var choice = question.choices().get(c);
            if (choice.id() == null || !ID.matcher(choice.id()).matches() || !ids.add(choice.id())) {
                problems.add(new Problem(path + ".choices[" + c + "].id", "survey.invalid.choiceId"));
            }
            if (choice.label() == null || choice.label().blank()) {
                problems.add(new Problem(path + ".choices[" + c + "].label", "survey.invalid.text"));
            } else {
                check(choice.label(), path + ".choices[" + c + "].label", problems);
            }
        }
    }

    private static void check(@Nullable LocalizedText text, String path, List<Problem> problems) {
        if (text != null && text.longerThan(MAX_TEXT)) {
            problems.add(new Problem(path, "survey.invalid.textTooLong"));
        }
    }
}
