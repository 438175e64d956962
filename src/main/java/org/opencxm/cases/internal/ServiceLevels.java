package org.opencxm.cases.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.opencxm.cases.Severity;

/**
 * How fast a case must be answered and resolved, and how often its customer hears from us, by
 * severity, in the workspace's working time; by default critical within 1 working hour and 1
 * working day, high 4 hours and 3 days, medium 1 day and 5 days, low 2 days and 10 days, an
 * update after 3 working days of silence, and as the workspace's {@link CaseSettings} say. Time
 * the case spends waiting for the customer does not count against its resolution.
 */
public final class ServiceLevels {

    /**
     * @param firstResponse working hours until the customer first hears from us
     * @param resolutionDays working days until the case is resolved
     * @param updateDays working days of silence, while it is our turn, after which the customer
     *     gets an update (the update interval)
     */
    public record Targets(Duration firstResponse, int resolutionDays, int updateDays) {}

    /** The update interval unless a workspace sets its own: three working days. */
    public static final int UPDATE_DAYS = 3;

    public static final Map<Severity, Targets> DEFAULTS = Map.of(
            Severity.CRITICAL, new Targets(Duration.ofHours(1), 1, UPDATE_DAYS),
            Severity.HIGH, new Targets(Duration.ofHours(4), 3, UPDATE_DAYS),
            Severity.MEDIUM, new Targets(Duration.ofHours(9), 5, UPDATE_DAYS),
            Severity.LOW, new Targets(Duration.ofHours(18), 10, UPDATE_DAYS));

    private final BusinessCalendar calendar;
    private final Map<Severity, Targets> targets;

    /** The default targets on this calendar. */
    public ServiceLevels(BusinessCalendar calendar) {
        this(calendar, DEFAULTS);
    }

    public ServiceLevels(BusinessCalendar calendar, Map<Severity, Targets> targets) {
        this.calendar = calendar;
        this.targets = Map.copyOf(targets);
    }

    public Targets targets(Severity severity) {
        return targets.getOrDefault(severity, DEFAULTS.get(severity));
    }

    public Instant firstResponseDue(Instant opened, Severity severity) {
        return calendar.plus(opened, targets(severity).firstResponse());
    }

    /** When the case must be resolved, the working time it waited for the customer added. */
    public Instant resolutionDue(Instant opened, Severity severity, Duration waited) {
        var days = calendar.dayLength().multipliedBy(targets(severity).resolutionDays());
        return calendar.plus(opened, days.plus(waited));
    }

    /** The moment {@code amount} of working time after {@code from}. */
    public Instant workingTimeAfter(Instant from, Duration amount) {
        return calendar.plus(from, amount);
    }

    public Duration dayLength() {
        return calendar.dayLength();
    }

    /** The working time between two moments, for time spent waiting. */
    public Duration workingTime(Instant from, Instant to) {
        return calendar.between(from, to);
    }
}
