package org.opencxm.platform.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.opencxm.platform.common.SpreadsheetSafe.Dialect;

class SpreadsheetSafeTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void germanExcelGetsLocalTimesDecimalCommasSemicolonsAndABom() throws Exception {
        var out = new StringWriter();
        try (var printer = Dialect.EXCEL_DE.begin(out, "at", "score").print(out)) {
            printer.printRecord(
                    Dialect.EXCEL_DE.time(Instant.parse("2026-12-01T14:30:00Z"), BERLIN),
                    Dialect.EXCEL_DE.number("3.5"));
        }

        assertThat(out.toString()).isEqualTo("\uFEFF\"at\";\"score\"\r\n\"01.12.2026 15:30:00\";\"3,5\"\r\n");
    }

    @Test
    void theStandardDialectStaysMachineReadable() throws Exception {
        var out = new StringWriter();
        try (var printer = Dialect.STANDARD.begin(out, "at", "score").print(out)) {
            printer.printRecord(
                    Dialect.STANDARD.time(Instant.parse("2026-07-01T14:30:00Z"), BERLIN),
                    Dialect.STANDARD.number("3.5"));
        }

        assertThat(out.toString()).isEqualTo("\"at\",\"score\"\r\n\"2026-07-01T14:30:00Z\",\"3.5\"\r\n");
    }

    @Test
    void theEnglishExcelDialectHasTheMarkCommasPointsAndLocalTimes() throws Exception {
        var out = new StringWriter();
        try (var printer = Dialect.EXCEL_EN.begin(out, "at", "score").print(out)) {
            printer.printRecord(
                    Dialect.EXCEL_EN.time(Instant.parse("2026-07-01T14:30:00Z"), BERLIN),
                    Dialect.EXCEL_EN.number("3.5"));
        }

        assertThat(out.toString()).isEqualTo("\uFEFF\"at\",\"score\"\r\n\"2026-07-01 16:30:00\",\"3.5\"\r\n");
    }

    @Test
    void onlyExcelDePicksTheGermanDialect() {
        assertThat(Dialect.parse("excel-de")).isEqualTo(Dialect.EXCEL_DE);
        assertThat(Dialect.parse("excel-en")).isEqualTo(Dialect.EXCEL_EN);
        assertThat(Dialect.parse(null)).isEqualTo(Dialect.STANDARD);
        assertThat(Dialect.parse("xlsx")).isEqualTo(Dialect.STANDARD);
    }

    @Test
    void formulasAreDefused() {
        assertThat(SpreadsheetSafe.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(SpreadsheetSafe.cell("-2")).isEqualTo("'-2");
        assertThat(SpreadsheetSafe.cell("ok")).isEqualTo("ok");
    }
}
