package org.opencxm.platform.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.ParseException;
import java.text.ParsePosition;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.format.Formatter;

/**
 * Decimal numbers in forms as the reader writes them: {@code 3,50} and {@code 1.234,50} in
 * German, {@code 3.50} and {@code 1,234.50} in English. Strict where the lenient JDK parser
 * guesses: a separator that is neither the decimal one nor a grouping of three digits ({@code
 * 3.50} in German, {@code 3,50} in English) is refused rather than read as 350.
 */
final class LocalDecimalFormatter implements Formatter<BigDecimal> {

    @Override
    public BigDecimal parse(String text, Locale locale) throws ParseException {
        var symbols = DecimalFormatSymbols.getInstance(locale);
        var decimal = Pattern.quote(String.valueOf(symbols.getDecimalSeparator()));
        var grouping = Pattern.quote(String.valueOf(symbols.getGroupingSeparator()));
        var value = text.strip().replace('\u00A0', ' ').replace(" ", "");
        var shape = "-?(\\d{1,3}(" + grouping + "\\d{3})+|\\d+)(" + decimal + "\\d+)?";
        if (!value.matches(shape)) {
            throw new ParseException("not a number in " + locale + ": " + text, 0);
        }
        var format = format(locale);
        var position = new ParsePosition(0);
        var parsed = (BigDecimal) format.parse(value, position);
        if (parsed == null || position.getIndex() != value.length()) {
            throw new ParseException("not a number in " + locale + ": " + text, position.getErrorIndex());
        }
        return parsed;
    }

    @Override
    public String print(BigDecimal value, Locale locale) {
        var format = format(locale);
        format.setMinimumFractionDigits(Math.max(0, value.scale()));
        return format.format(value);
    }

    private static DecimalFormat format(Locale locale) {
        var format = new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(locale));
        format.setParseBigDecimal(true);
        return format;
    }
}
