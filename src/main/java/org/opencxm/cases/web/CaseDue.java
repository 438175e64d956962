package org.opencxm.cases.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The queue's filter by what is due next (the first answer, then the resolution): overdue, or due
 * by the end of the reader's day. Cases waiting for the customer are due for nothing.
 */
enum CaseDue {
    OVERDUE,
    TODAY;

    /** The filter a query string names ({@code overdue}, {@code today}); anything else filters nothing. */
    static @Nullable CaseDue of(@Nullable String text) {
        for (var due : values()) {
            if (due.name().toLowerCase(Locale.ROOT).equals(text)) {
                return due;
            }
        }
        return null;
    }

    /** Cases due before this instant pass. */
    Instant before(Clock clock, ZoneId zone) {
        return this == OVERDUE
                ? clock.instant()
                : LocalDate.now(clock.withZone(zone))
                        .plusDays(1)
                        .atStartOfDay(zone)
                        .toInstant();
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
