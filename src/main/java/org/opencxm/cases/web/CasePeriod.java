package org.opencxm.cases.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.common.InvalidInputException;

/**
 * The days the case figures cover, as the reader names them in their time zone: both ends
 * included, by default the 90 days up to today; an end before the start, or a year no calendar
 * of ours goes to, is refused as a problem of {@code to}.
 */
record CasePeriod(LocalDate from, LocalDate to, ZoneId zone) {

    static CasePeriod of(@Nullable LocalDate from, @Nullable LocalDate to, ZoneId zone, Clock clock) {
        var end = to == null ? LocalDate.now(clock.withZone(zone)) : to;
        if (end.getYear() < 1900 || end.getYear() > 2199) {
            // before any date arithmetic: -999999999-01-01 has no 89 days before it
            throw new InvalidInputException("to", "case.invalid.period");
        }
        var start = from == null ? end.minusDays(89) : from;
        if (end.isBefore(start) || start.getYear() < 1900) {
            throw new InvalidInputException("to", "case.invalid.period");
        }
        return new CasePeriod(start, end, zone);
    }

    Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period. */
    Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
