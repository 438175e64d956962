package org.opencxm.platform.common;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * CSV exports that spreadsheets will not execute: a cell starting with = + - @, a tab or a
 * carriage return is prefixed with an apostrophe (OWASP's advice against CSV injection), and
 * every cell is quoted, because German Excel splits unquoted cells at semicolons, and {@code
 * x;=1+1} would otherwise become a formula in its second column.
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {}

    /** Comma-separated, every cell quoted, with the given header row. */
    public static CSVFormat csv(String... header) {
        return CSVFormat.DEFAULT
                .builder()
                .setQuoteMode(QuoteMode.ALL)
                .setHeader(header)
                .get();
    }

    public static String cell(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }
}
