package org.opencxm.platform.common;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;
import org.jspecify.annotations.Nullable;

/**
 * CSV exports that spreadsheets will not execute: a cell starting with = + - @, a tab or a
 * carriage return is prefixed with an apostrophe (OWASP's advice against CSV injection), and
 * every cell is quoted, because German Excel splits unquoted cells at semicolons, and {@code
 * x;=1+1} would otherwise become a formula in its second column.
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {}

    /**
     * How an export is written. {@code STANDARD} is for programs: commas, decimal points, UTC
     * instants in ISO 8601. {@code EXCEL_DE} opens in a German Excel by double-click, which
     * assumes Windows-1252 and semicolons unless told otherwise: a UTF-8 byte-order mark,
     * semicolons, decimal commas and local times as {@code 01.12.2026 14:30:00}, which Excel
     * reads as dates. {@code EXCEL_EN} does the same for an English Excel: the mark, commas,
     * decimal points and local times as {@code 2026-12-01 14:30:00}. Staff pages offer the one
     * of their language.
     */
    public enum Dialect {
        STANDARD(',', false),
        EXCEL_DE(';', true),
        EXCEL_EN(',', true);

        private static final DateTimeFormatter GERMAN_TIME =
                DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm:ss", Locale.GERMANY);
        private static final DateTimeFormatter ENGLISH_TIME =
                DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

        private final char delimiter;
        private final boolean byteOrderMark;

        Dialect(char delimiter, boolean byteOrderMark) {
            this.delimiter = delimiter;
            this.byteOrderMark = byteOrderMark;
        }

        /** {@code excel-de} and {@code excel-en} pick an Excel dialect; anything else, or nothing, the standard one. */
        public static Dialect parse(@Nullable String format) {
            return "excel-de".equals(format) ? EXCEL_DE : "excel-en".equals(format) ? EXCEL_EN : STANDARD;
        }

        /** Whether the file is for a spreadsheet (local times), not for a program (UTC). */
        public boolean forSpreadsheet() {
            return this != STANDARD;
        }

        /** Every cell quoted, with the given header row; writes the byte-order mark if the dialect has one. */
        public CSVFormat begin(Writer out, String... header) throws IOException {
            if (byteOrderMark) {
                out.write('\uFEFF');
            }
            return CSVFormat.DEFAULT
                    .builder()
                    .setDelimiter(delimiter)
                    .setQuoteMode(QuoteMode.ALL)
                    .setHeader(header)
                    .get();
        }

        public String time(@Nullable Instant instant, ZoneId zone) {
            if (instant == null) {
                return "";
            }
            return switch (this) {
                case EXCEL_DE -> GERMAN_TIME.format(instant.atZone(zone));
                case EXCEL_EN -> ENGLISH_TIME.format(instant.atZone(zone));
                case STANDARD -> instant.toString();
            };
        }

        /** A number as written in the JSON it comes from ({@code 3.5}), with a comma for German Excel. */
        public String number(@Nullable String plain) {
            if (plain == null || plain.isEmpty()) {
                return "";
            }
            return this == EXCEL_DE ? new BigDecimal(plain).toPlainString().replace('.', ',') : plain;
        }
    }

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
