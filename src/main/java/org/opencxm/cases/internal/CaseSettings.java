package org.opencxm.cases.internal;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opencxm.cases.Severity;
import org.opencxm.platform.common.InvalidInputException;

/**
 * A workspace's service levels, as its admin sets them: the working week and hours, the country
 * and state whose public holidays are days off, per severity the time to the first response, to
 * resolution and between updates, and whether a missed resolution gives the case to the
 * department's lead. {@link #check()} is the rule every change passes.
 *
 * @param reassignOnBreach a case not resolved in time goes to a lead of its department
 */
public record CaseSettings(
        String country,
        @Nullable String region,
        LocalTime dayStart,
        LocalTime dayEnd,
        Set<DayOfWeek> workingDays,
        boolean reassignOnBreach,
        Map<Severity, ServiceLevels.Targets> targets) {

    /** Monday to Friday, 8 to 17, {@link ServiceLevels#DEFAULTS}, nobody reassigned. */
    public static CaseSettings defaults(String country, @Nullable String region) {
        return new CaseSettings(
                country,
                region == null || region.isBlank() ? null : region,
                LocalTime.of(8, 0),
                LocalTime.of(17, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                false,
                ServiceLevels.DEFAULTS);
    }

    public ServiceLevels.Targets targets(Severity severity) {
        return targets.getOrDefault(severity, ServiceLevels.DEFAULTS.get(severity));
    }

    /** The calendar these settings describe, in the workspace's time zone. */
    public BusinessCalendar calendar(java.time.ZoneId zone) {
        return new BusinessCalendar(zone, workingDays, dayStart, dayEnd, country, region);
    }

    /**
     * Refuses settings no calendar can work with, naming each field: a country jollyday does not
     * know or a state it does not list for it, a working day that ends before it starts, a week
     * without working days, times outside 1 minute–7 days to the first response, 1–365 days to
     * resolution and 1–30 days between updates.
     */
    public CaseSettings check() {
        var problems = new ArrayList<InvalidInputException.Problem>();
        var known = calendarOf(country);
        if (known == null) {
            problems.add(new InvalidInputException.Problem("country", "case.settings.invalid.country"));
        } else if (region != null && !regions(known).contains(region.toLowerCase(Locale.ROOT))) {
            problems.add(new InvalidInputException.Problem("region", "case.settings.invalid.region"));
        }
        if (!dayStart.isBefore(dayEnd)) {
            problems.add(new InvalidInputException.Problem("dayEnd", "case.settings.invalid.hours"));
        }
        if (workingDays.isEmpty()) {
            problems.add(new InvalidInputException.Problem("workingDays", "case.settings.invalid.days"));
        }

        for (var severity : Severity.values()) {
            var t = targets(severity);
            if (t.firstResponse().compareTo(Duration.ofMinutes(1)) < 0
                    || t.firstResponse().compareTo(Duration.ofDays(7)) > 0) {
                problems.add(new InvalidInputException.Problem(
                        "firstResponse" + severity.name(), "case.settings.invalid.firstResponse"));
            }
            if (t.resolutionDays() < 1 || t.resolutionDays() > 365) {
                problems.add(new InvalidInputException.Problem(
                        "resolution" + severity.name(), "case.settings.invalid.resolution"));
            }
            if (t.updateDays() < 1 || t.updateDays() > 30) {
                problems.add(
                        new InvalidInputException.Problem("update" + severity.name(), "case.settings.invalid.silence"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new CaseSettings(
                country.toUpperCase(Locale.ROOT),
                region == null ? null : region.toLowerCase(Locale.ROOT),
                dayStart,
                dayEnd,
                EnumSet.copyOf(workingDays),
                reassignOnBreach,
                new EnumMap<>(targets));
    }

    /** The states or regions jollyday knows for the country ({@code by}, {@code be} … for DE). */
    public static List<String> regions(String country) {
        var known = calendarOf(country);
        return known == null ? List.of() : regions(known);
    }

    private static List<String> regions(HolidayCalendar calendar) {
        return HolidayManager.getInstance(ManagerParameters.create(calendar))
                .getCalendarHierarchy()
                .getChildren()
                .keySet()
                .stream()
                .map(k -> k.toLowerCase(Locale.ROOT))
                .sorted()
                .toList();
    }

    private static @Nullable HolidayCalendar calendarOf(String country) {
        for (var calendar : HolidayCalendar.values()) {
            if (calendar.getId().equalsIgnoreCase(country.strip())) {
                return calendar;
            }
        }
        return null;
    }
}
