package org.opencxm.cases.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opencxm.cases.Severity;
import org.opencxm.feedback.QuestionType;

/**
 * When an answer or a complaint raises a case, and how severe it is to begin with. An answer
 * opens one at or below the workspace's threshold for its scale (by default NPS 0–6, CSAT 1–2,
 * CES 1–3, stars 1–2): the lower, the more severe. A complaint always opens one, as severe as its
 * sender said, else medium. A repeat (same customer and category within {@link #REPEAT_WINDOW}) is
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

    /** The highest score that still opens a case, per scale. */
    static final Map<QuestionType, Integer> DEFAULT_THRESHOLDS =
            Map.of(QuestionType.NPS, 6, QuestionType.CSAT, 2, QuestionType.CES, 3, QuestionType.STARS, 2);

    private CaseOpening() {}

    public static Decision forAnswer(@Nullable QuestionType scale, @Nullable Integer score) {
        if (scale == null || score == null) {
            return new NoCase("no headline score");
        }
        var threshold = DEFAULT_THRESHOLDS.get(scale);
        if (threshold == null) {
            return new NoCase("not a satisfaction scale");
        }
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
