package org.opencxm.cases.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.opencxm.cases.Severity;
import org.opencxm.feedback.QuestionType;
import org.opencxm.feedback.SurveyId;

/**
 * When an answer or a complaint raises a case, and how severe it is to begin with. An answer
 * opens one at or below its survey's threshold, else the workspace's for its scale (by default
 * NPS 0–6, CSAT 1–2, CES 1–3, stars 1–2): the lower, the more severe. A complaint always opens
 * one, as severe as its sender said, else medium. A repeat (same customer and category within {@link #REPEAT_WINDOW}) is
 * one step more severe.
 */
public final class CaseOpening {

    public static final Duration REPEAT_WINDOW = Duration.ofDays(90);

    /**
     * Complaints older than this when they arrive are history (an import, a late backfill), not
     * work: they are on the timeline and in the KPIs, but open no case.
     */
    static final Duration NEWS = Duration.ofDays(14);

    /** The outcome for one answer. */
    public sealed interface Decision permits Open, NoCase {}

    public record Open(Severity severity) implements Decision {}

    /** @param reason why not, for the log of decisions */
    public record NoCase(String reason) implements Decision {}

    private CaseOpening() {}

    /** By the built-in thresholds ({@link CaseIntakeRules#DEFAULT_THRESHOLDS}). */
    public static Decision forAnswer(@Nullable QuestionType scale, @Nullable Integer score) {
        return forAnswer(scale, score, CaseIntakeRules.DEFAULTS, null);
    }

    /** By the workspace's rules: the survey's own threshold, else the one for its scale. */
    public static Decision forAnswer(
            @Nullable QuestionType scale, @Nullable Integer score, CaseIntakeRules rules, @Nullable SurveyId survey) {
        if (scale == null || score == null) {
            return new NoCase("no headline score");
        }
        if (!CaseIntakeRules.DEFAULT_THRESHOLDS.containsKey(scale)) {
            return new NoCase("not a satisfaction scale");
        }
        var set = rules.threshold(survey, scale);
        if (set.isEmpty()) {
            return new NoCase("the survey opens no case");
        }
        int threshold = set.get();
        if (score > threshold) {
            return new NoCase("above the threshold");
        }
        // the bottom of the scale is high, the threshold itself low, between them medium
        int bottom = scale.min();
        Severity severity = score <= bottom + (threshold - bottom) / 3
                ? Severity.HIGH
                : score == threshold ? Severity.LOW : Severity.MEDIUM;
        return new Open(severity);
    }

    /** Whether a complaint that happened at {@code occurredAt} is news at {@code now}, worth a case. */
    static boolean news(Instant occurredAt, Instant now) {
        return !occurredAt.isBefore(now.minus(NEWS));
    }

    /** A complaint's severity as its sender named it (low … critical, any case), else medium. */
    public static Severity forComplaint(@Nullable String said) {
        if (said != null) {
            try {
                return Severity.valueOf(said.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                // a word of the sender's own: medium, the agent adjusts it
            }
        }
        return Severity.MEDIUM;
    }
}
