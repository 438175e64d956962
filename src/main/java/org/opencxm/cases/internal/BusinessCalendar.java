package org.opencxm.cases.internal;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A workspace's working time: working days and hours in its time zone, without the public
 * holidays of its country and state (from jollyday, which keeps them for over 90 countries:
 * Corpus Christi is a holiday in Bavaria, not in Berlin). Service times are counted in it, on the
 * wall clock: a working day is as long in the week the clocks change as in any other.
 */
public final class BusinessCalendar {

    private final ZoneId zone;
    private final Set<DayOfWeek> days;
    private final LocalTime start;
    private final LocalTime end;
    private final HolidayManager holidays;
    private final String[] region;

    /**
     * @param country an ISO country code with a jollyday calendar ({@code DE}, {@code AT}, {@code CH} …)
     * @param region its state or canton as jollyday names it ({@code by}, {@code be} …), or none for
     *     the holidays of the whole country
     */
    public BusinessCalendar(
            ZoneId zone, Set<DayOfWeek> days, LocalTime start, LocalTime end, String country, @Nullable String region) {
        if (!start.isBefore(end) || days.isEmpty()) {
            throw new IllegalArgumentException("a working day needs hours and a week needs working days");
        }
        this.zone = zone;
        this.days = EnumSet.copyOf(days);
        this.start = start;
        this.end = end;
        this.holidays = HolidayManager.getInstance(ManagerParameters.create(calendar(country)));
        this.region = region == null || region.isBlank() ? new String[0] : new String[] {region};
    }

    /** Monday to Friday, 8:00 to 17:00, with the country's and state's holidays. */
    public static BusinessCalendar officeHours(ZoneId zone, String country, @Nullable String region) {
        return new BusinessCalendar(
                zone,
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(8, 0),
                LocalTime.of(17, 0),
                country,
                region);
    }

    public boolean workingDay(LocalDate day) {
        return days.contains(day.getDayOfWeek()) && !holidays.isHoliday(day, HolidayType.PUBLIC_HOLIDAY, region);
    }

    /** The moment {@code amount} of working time after {@code from}. */
    public Instant plus(Instant from, Duration amount) {
        var at = from.atZone(zone).toLocalDateTime();
        var left = amount;
        while (true) {
            var day = at.toLocalDate();
            if (!workingDay(day) || !at.toLocalTime().isBefore(end)) {
                at = nextMorning(day);
                continue;
            }
            if (at.toLocalTime().isBefore(start)) {
                at = day.atTime(start);
            }
            var today = Duration.between(at.toLocalTime(), end);
            if (left.compareTo(today) <= 0) {
                return at.plus(left).atZone(zone).toInstant();
            }
            left = left.minus(today);
            at = nextMorning(day);
        }
    }

    /** The working time between two moments (zero if {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        var first = from.atZone(zone).toLocalDateTime();
        var last = to.atZone(zone).toLocalDateTime();
        var total = Duration.ZERO;
        for (var day = first.toLocalDate(); !day.isAfter(last.toLocalDate()); day = day.plusDays(1)) {
            if (!workingDay(day)) {
                continue;
            }
            var open = later(day.atTime(start), first);
            var close = earlier(day.atTime(end), last);
            if (close.isAfter(open)) {
                total = total.plus(Duration.between(open, close));
            }
        }
        return total;
    }

    /** The working hours of one day. */
    public Duration dayLength() {
        return Duration.between(start, end);
    }

    private LocalDateTime nextMorning(LocalDate day) {
        return day.plusDays(1).atTime(start);
    }

    private static LocalDateTime later(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDateTime earlier(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    private static HolidayCalendar calendar(String country) {
        for (var calendar : HolidayCalendar.values()) {
            if (calendar.getId().equalsIgnoreCase(country)) {
                return calendar;
            }
        }
        throw new IllegalArgumentException("no holiday calendar for " + country);
    }
}
