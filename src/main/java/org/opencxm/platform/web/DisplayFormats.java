package org.opencxm.platform.web;

import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.Actor;
import org.opencxm.platform.CurrentActor;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates, times and numbers as the reader expects them: in their language's format and their
 * time zone (their own, else the workspace's). Templates call it as {@code ${@formats.dateTime(instant)}}.
 */
@Component("formats")
public class DisplayFormats {

    public String dateTime(@Nullable Instant instant) {
        if (instant == null) {
            return "–";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(LocaleContextHolder.getLocale())
                .withZone(zone())
                .format(instant);
    }

    public String date(@Nullable Instant instant) {
        if (instant == null) {
            return "–";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(LocaleContextHolder.getLocale())
                .withZone(zone())
                .format(instant);
    }

    /** A calendar day as the reader writes it ("01.12.2026"). */
    public String day(@Nullable LocalDate day) {
        if (day == null) {
            return "–";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(LocaleContextHolder.getLocale())
                .format(day);
    }

    /** A month as the reader names it ("Dez. 2026", "Dec 2026"). */
    public String month(@Nullable YearMonth month) {
        if (month == null) {
            return "–";
        }
        return DateTimeFormatter.ofPattern("MMM uuuu", LocaleContextHolder.getLocale())
                .format(month);
    }

    public String number(long value) {
        return numbers(0).format(value);
    }

    /**
     * A decimal with exactly this many fraction digits in the reader's language ("−0,82" in
     * German, "−0.82" in English), negative with a true minus sign rather than a hyphen.
     */
    public String decimal(@Nullable Number value, int fractionDigits) {
        if (value == null) {
            return "–";
        }
        // what rounds to zero is zero, not "−0,0"
        var rounded = Math.abs(value.doubleValue()) < 0.5 * Math.pow(10, -fractionDigits) ? 0.0 : value;
        return numbers(fractionDigits).format(rounded);
    }

    /**
     * A number as it was stored, in the reader's language but without grouping: a year, postcode
     * or customer number reads as typed ("1985", not "1.985"); up to six decimals.
     */
    public String plain(Number value) {
        var format = numbers(0);
        format.setGroupingUsed(false);
        format.setMaximumFractionDigits(6);
        return format.format(value);
    }

    private static NumberFormat numbers(int fractionDigits) {
        var format = (DecimalFormat) NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
        var symbols = format.getDecimalFormatSymbols();
        symbols.setMinusSign('\u2212');
        format.setDecimalFormatSymbols(symbols);
        format.setMinimumFractionDigits(fractionDigits);
        format.setMaximumFractionDigits(fractionDigits);
        return format;
    }

    private static ZoneId zone() {
        return CurrentActor.get().map(Actor::timeZone).orElse(ZoneId.of("UTC"));
    }
}
