package org.opencxm.feedback.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opencxm.feedback.QuestionType;

/**
 * A question's key figure with its 95 % margin of error (docs/feedback.md): NPS in points
 * (−100…100), CSAT as the top-2-box share in %, CES and stars as the mean.
 *
 * @param share for CSAT the top-2-box share, for CES the share of 5–7, for NPS the promoters, in %
 * @param detractors for NPS the share of detractors (0–6), in %
 * @param mean the mean of the scale
 */
public record Score(
        String kpi,
        double value,
        double marginOfError,
        long n,
        @Nullable Double share,
        @Nullable Double detractors,
        double mean) {

    private static final double Z = 1.96;

    /** The score for a scale question from its answers' distribution (value → count), or null without answers. */
    static @Nullable Score of(QuestionType type, Map<Integer, Long> distribution) {
        long n = distribution.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return null;
        }
        double mean = distribution.entrySet().stream()
                        .mapToDouble(e -> e.getKey() * (double) e.getValue())
                        .sum()
                / n;
        double variance = n < 2
                ? 0
                : distribution.entrySet().stream()
                                .mapToDouble(e -> Math.pow(e.getKey() - mean, 2) * e.getValue())
                                .sum()
                        / (n - 1);
        double meanMargin = Z * Math.sqrt(variance / n);
        return switch (type) {
            case NPS -> {
                double promoters = share(distribution, 9, 10, n);
                double detractors = share(distribution, 0, 6, n);
                double nps = promoters - detractors;
                double margin = Z * Math.sqrt(Math.max(0, promoters + detractors - nps * nps) / n) * 100;
                yield new Score("NPS", nps * 100, margin, n, promoters * 100, detractors * 100, mean);
            }
            case CSAT -> {
                double top2 = share(distribution, 4, 5, n);
                yield new Score(
                        "CSAT", top2 * 100, Z * Math.sqrt(top2 * (1 - top2) / n) * 100, n, top2 * 100, null, mean);
            }
            case CES -> new Score("CES", mean, meanMargin, n, share(distribution, 5, 7, n) * 100, null, mean);
            default -> new Score(type == QuestionType.STARS ? "STARS" : "MEAN", mean, meanMargin, n, null, null, mean);
        };
    }

    private static double share(Map<Integer, Long> distribution, int min, int max, long n) {
        return distribution.entrySet().stream()
                        .filter(e -> e.getKey() >= min && e.getKey() <= max)
                        .mapToLong(Map.Entry::getValue)
                        .sum()
                / (double) n;
    }
}
