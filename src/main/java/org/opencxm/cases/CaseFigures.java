package org.opencxm.cases;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How the cases opened in a period went, overall and split by severity, category, department,
 * touchpoint and first versus repeat: how many, how many were answered and resolved within their
 * service times, reopened, the median working time to the first response and to the resolution,
 * and the complaint rate (cases but those from low answers) against the period's completed
 * orders. The shares are part of the API's answer; docs/cases.md gives each formula with an
 * example.
 *
 * @param orders the {@code Order Completed} events of the period, the complaint rate's denominator
 */
public record CaseFigures(
        Counts total,
        List<Counts> bySeverity,
        List<Counts> byCategory,
        List<Counts> byDepartment,
        List<Counts> byTouchpoint,
        List<Counts> byRecurrence,
        long orders,
        List<Promises> promises) {

    /** The splits a figure comes in, as the store groups them. */
    public enum Split {
        SEVERITY,
        CATEGORY,
        DEPARTMENT,
        TOUCHPOINT,
        RECURRENCE
    }

    /** The key of the first cases of a customer and category in {@link #byRecurrence}. */
    public static final String FIRST = "first";

    public static final String REPEAT = "repeat";

    /**
     * The key of the cases without a touchpoint in {@link #byTouchpoint} (an agent's, an
     * e-mail's), apart from the workspace's own touchpoint "unassigned".
     */
    public static final String NO_TOUCHPOINT = "none";

    /**
     * From the rows the store gave: each split lists every key it always has (each severity, each
     * of the workspace's categories, first and repeat) also without cases, then the others by
     * their number of cases; every row's complaint rate against {@code orders}.
     */
    public static CaseFigures of(
            @Nullable Counts total,
            Map<Split, List<Counts>> rows,
            List<String> categories,
            long orders,
            List<Promises> promises) {
        var severities = List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW).stream()
                .map(Severity::name)
                .toList();
        return new CaseFigures(
                (total == null ? Counts.none(null) : total).per(orders),
                complete(rows.get(Split.SEVERITY), severities, orders),
                complete(rows.get(Split.CATEGORY), categories, orders),
                complete(rows.get(Split.DEPARTMENT), List.of(), orders),
                complete(rows.get(Split.TOUCHPOINT), List.of(), orders),
                complete(rows.get(Split.RECURRENCE), List.of(FIRST, REPEAT), orders),
                orders,
                promises);
    }

    private static List<Counts> complete(@Nullable List<Counts> rows, List<String> always, long orders) {
        var found = rows == null ? List.<Counts>of() : rows;
        var complete = new ArrayList<Counts>();
        for (var key : always) {
            complete.add(found.stream()
                    .filter(row -> key.equals(row.key()))
                    .findFirst()
                    .orElse(Counts.none(key))
                    .per(orders));
        }
        found.stream()
                .filter(row -> !always.contains(row.key()))
                .sorted((a, b) -> Long.compare(b.opened(), a.opened()))
                .forEach(row -> complete.add(row.per(orders)));
        return complete;
    }

    /**
     * @param key what the row counts: a severity, category, department, touchpoint key, "first" or
     *     "repeat"; {@code null} for all cases of the period
     * @param medianFirstResponse working time, by the workspace's calendar
     * @param medianResolution working time, without the time the case waited for the customer
     * @param complaints the cases opened from complaints, e-mails and agents (not from low answers)
     * @param complaintRate complaints per completed order of the period, 0–1; {@code null} without orders
     */
    public record Counts(
            @Nullable String key,
            long opened,
            long complaints,
            long answered,
            long answeredInTime,
            long resolved,
            long resolvedInTime,
            long reopened,
            long repeats,
            @Nullable Duration medianFirstResponse,
            @Nullable Duration medianResolution,
            @Nullable Double complaintRate) {

        public static Counts none(@Nullable String key) {
            return new Counts(key, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null);
        }

        Counts per(long orders) {
            return new Counts(
                    key,
                    opened,
                    complaints,
                    answered,
                    answeredInTime,
                    resolved,
                    resolvedInTime,
                    reopened,
                    repeats,
                    medianFirstResponse,
                    medianResolution,
                    orders == 0 ? null : (double) complaints / orders);
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
