package org.opencxm.platform.common;

/**
 * Text for CSV exports that spreadsheets will not execute: a cell starting with = + - @, a tab
 * or a carriage return is prefixed with an apostrophe (OWASP's advice against CSV injection).
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {}

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
