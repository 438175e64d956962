package org.opencxm.cases.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opencxm.feedback.QuestionType;
import org.opencxm.feedback.SurveyDirectory;
import org.opencxm.feedback.SurveyId;
import org.opencxm.platform.common.InvalidInputException;

/**
 * How a workspace files and raises cases, as its admin sets it: the categories, the highest
 * answer per scale that opens a case, and surveys with a threshold of their own (or none: a
 * survey that opens no case, such as a product-idea poll). {@link #check} is the rule every
 * change passes; {@link #threshold} the one every answer is judged by.
 */
public record CaseIntakeRules(
        CaseCategories categories, Map<QuestionType, Integer> thresholds, List<SurveyRule> surveys) {

    /** A survey's own threshold on its headline scale; {@code null}: its answers open no case. */
    public record SurveyRule(SurveyId survey, @Nullable Integer threshold) {}

    /** By default NPS 0–6, CSAT 1–2, CES 1–3 and stars 1–2 open a case. */
    public static final Map<QuestionType, Integer> DEFAULT_THRESHOLDS =
            Map.of(QuestionType.NPS, 6, QuestionType.CSAT, 2, QuestionType.CES, 3, QuestionType.STARS, 2);

    public static final CaseIntakeRules DEFAULTS =
            new CaseIntakeRules(CaseCategories.DEFAULTS, DEFAULT_THRESHOLDS, List.of());

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final int MAX_CATEGORIES = 40;

    /**
     * The highest score that opens a case for an answer of the survey on that scale: the survey's
     * own, else the workspace's for the scale; empty if such answers open none.
     */
    public Optional<Integer> threshold(@Nullable SurveyId survey, QuestionType scale) {
        for (var rule : surveys) {
            if (rule.survey().equals(survey)) {
                return Optional.ofNullable(rule.threshold());
            }
        }
        return Optional.ofNullable(thresholds.getOrDefault(scale, DEFAULT_THRESHOLDS.get(scale)));
    }

    /**
     * Refuses rules that cannot work, naming each field: a key that is not lower-case letters,
     * digits and dashes, or is used twice; a new category without a name; a name over 60
     * characters; a word in two categories; "other" retired; more than 40 categories; a threshold
     * outside its scale (the top of a scale would open a case for every answer); a survey that is
     * not one of {@code known}, or a threshold outside its survey's scale.
     */
    public CaseIntakeRules check(List<SurveyDirectory.Scored> known) {
        var problems = new ArrayList<InvalidInputException.Problem>();
        var keys = new HashSet<String>();
        var words = new HashSet<String>();
        var cleaned = new ArrayList<CaseCategories.Category>();
        var all = categories.all();
        if (all.size() > MAX_CATEGORIES) {
            problems.add(new InvalidInputException.Problem("categories", "case.intake.invalid.tooMany"));
        }
        for (int i = 0; i < all.size(); i++) {
            var c = all.get(i);
            var field = "categories[" + i + "].";
            var key = c.key().strip().toLowerCase(Locale.ROOT);
            if (!KEY.matcher(key).matches()) {
                problems.add(new InvalidInputException.Problem(field + "key", "case.intake.invalid.key"));
            } else if (!keys.add(key)) {
                problems.add(new InvalidInputException.Problem(field + "key", "case.intake.invalid.twice"));
            }
            var german = blankToNull(c.german());
            var english = blankToNull(c.english());
            if (german == null
                    && english == null
                    && !CaseCategories.DEFAULTS.find(key).isPresent()) {
                problems.add(new InvalidInputException.Problem(field + "german", "case.intake.invalid.name"));
            }
            if ((german != null && german.length() > 60) || (english != null && english.length() > 60)) {
                problems.add(new InvalidInputException.Problem(field + "german", "case.intake.invalid.long"));
            }
            var own = c.words().stream()
                    .map(w -> w.strip().toLowerCase(Locale.ROOT))
                    .filter(w -> !w.isEmpty())
                    .distinct()
                    .toList();
            for (var word : own) {
                // a retired category's words file nothing, so they may move to another one
                if (word.length() > 40 || (!c.retired() && !words.add(word))) {
                    problems.add(new InvalidInputException.Problem(field + "words", "case.intake.invalid.word"));
                    break;
                }
            }
            if (CaseCategories.OTHER.equals(key) && c.retired()) {
                problems.add(new InvalidInputException.Problem(field + "retired", "case.intake.invalid.other"));
            }
            cleaned.add(new CaseCategories.Category(key, german, english, own, c.retired()));
        }
        for (int i = 0; i < cleaned.size(); i++) {
            var mine = cleaned.get(i);
            if (!mine.retired() && mine.words().stream().anyMatch(w -> keys.contains(w) && !w.equals(mine.key()))) {
                // a word that is another category's key would file by the taxonomy's order
                problems.add(
                        new InvalidInputException.Problem("categories[" + i + "].words", "case.intake.invalid.word"));
            }
        }
        if (!keys.contains(CaseCategories.OTHER)) {
            problems.add(new InvalidInputException.Problem("categories", "case.intake.invalid.other"));
        }
        var levels = new EnumMap<QuestionType, Integer>(QuestionType.class);
        for (var entry : thresholds.entrySet()) {
            if (!onScale(entry.getKey(), entry.getValue())) {
                problems.add(new InvalidInputException.Problem(
                        "threshold" + entry.getKey().name(), "case.intake.invalid.threshold"));
            }
            levels.put(entry.getKey(), entry.getValue());
        }
        var seen = new HashSet<SurveyId>();
        for (var rule : surveys) {
            var survey =
                    known.stream().filter(s -> s.id().equals(rule.survey())).findFirst();
            var field = "survey-" + rule.survey();
            if (survey.isEmpty() || !seen.add(rule.survey())) {
                problems.add(new InvalidInputException.Problem(field, "case.intake.invalid.survey"));
            } else if (rule.threshold() != null && !onScale(survey.get().scale(), rule.threshold())) {
                problems.add(new InvalidInputException.Problem(field, "case.intake.invalid.threshold"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new CaseIntakeRules(new CaseCategories(List.copyOf(cleaned)), Map.copyOf(levels), List.copyOf(surveys));
    }

    /** A threshold from the bottom of the scale to one below its top. */
    static boolean onScale(QuestionType scale, int threshold) {
        return DEFAULT_THRESHOLDS.containsKey(scale) && threshold >= scale.min() && threshold < scale.max();
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
