package org.opencxm.cases;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How the cases opened in a period went, overall and per severity: how many, how many were
 * answered and resolved within their service times, reopened, or repeats of an earlier case, and
 * the median wall-clock time to the first response and to the resolution. The shares are part
 * of the API's answer.
 */
public record CaseFigures(Counts total, List<Counts> bySeverity, List<Promises> promises) {

    /**
     * From the rows a query gave (the total without a severity): every severity gets its row, also
     * without cases; the promises due in the period, per department and agent.
     */
    public static CaseFigures of(List<Counts> rows, List<Promises> promises) {
        var total =
                rows.stream().filter(row -> row.severity() == null).findFirst().orElse(Counts.none(null));
        var bySeverity = new ArrayList<Counts>();
        for (var severity : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW)) {
            bySeverity.add(rows.stream()
                    .filter(row -> row.severity() == severity)
                    .findFirst()
                    .orElse(Counts.none(severity)));
        }
        return new CaseFigures(total, bySeverity, promises);
    }

    /**
     * @param severity {@code null} for all cases of the period
     */
    public record Counts(
            @Nullable Severity severity,
            long opened,
            long answered,
            long answeredInTime,
            long resolved,
            long resolvedInTime,
            long reopened,
            long repeats,
            @Nullable Duration medianFirstResponse,
            @Nullable Duration medianResolution) {

        static Counts none(@Nullable Severity severity) {
            return new Counts(severity, 0, 0, 0, 0, 0, 0, 0, null, null);
        }

        /** Of the answered cases, the share answered by their first-response due date, 0–1. */
        @JsonProperty
        public @Nullable Double firstResponseAttainment() {
            return answered == 0 ? null : (double) answeredInTime / answered;
        }

        /** Of the resolved cases, the share resolved by their resolution due date, 0–1. */
        @JsonProperty
        public @Nullable Double resolutionAttainment() {
            return resolved == 0 ? null : (double) resolvedInTime / resolved;
        }

        /** Of the resolved cases, the share that was reopened at least once, 0–1. */
        @JsonProperty
        public @Nullable Double reopenRate() {
            return resolved == 0 ? null : (double) reopened / resolved;
        }

        /** Of the opened cases, the share that repeats an earlier one, 0–1. */
        @JsonProperty
        public @Nullable Double repeatShare() {
            return opened == 0 ? null : (double) repeats / opened;
        }
    }

    /** Of all promises that came due in the period, the share kept in time (0–1), or {@code null} if none came due. */
    @JsonProperty
    public @Nullable Double promisesKept() {
        var departments = promises.stream().filter(p -> p.agent() == null).toList();
        long due = departments.stream().mapToLong(Promises::due).sum();
        long kept = departments.stream().mapToLong(Promises::kept).sum();
        return due == 0 ? null : (double) kept / due;
    }

    /**
     * Promises kept: of the promises that came due in the period, how many were kept by their due
     * time.
     *
     * @param agent who made them; {@code null} on the row of the whole department
     */
    public record Promises(@Nullable String agent, org.opencxm.platform.Department department, long due, long kept) {

        /** The share kept in time, 0–1. */
        @JsonProperty
        public @Nullable Double keptShare() {
            return due == 0 ? null : (double) kept / due;
        }
    }
}
