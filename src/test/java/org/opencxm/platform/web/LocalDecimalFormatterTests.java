package org.opencxm.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.text.ParseException;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LocalDecimalFormatterTests {

    private final LocalDecimalFormatter formatter = new LocalDecimalFormatter();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "de|3,50|3.50",
                "de|1.234,50|1234.50",
                "de| 12 |12",
                "de|-0,5|-0.5",
                "en|3.50|3.50",
                "en|1,234.5|1234.5"
            })
    void readsNumbersAsTheLanguageWritesThem(String language, String text, String expected) throws ParseException {
        assertThat(formatter.parse(text, Locale.forLanguageTag(language))).isEqualByComparingTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.50", "3.5", "1.23,4", "12.34", "zehn", "3,50 €", ""})
    void refusesWhatAGermanDidNotMean(String text) {
        assertThatThrownBy(() -> formatter.parse(text, Locale.GERMAN)).isInstanceOf(ParseException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3,50", "1.234,50"})
    void refusesGermanNumbersOnAnEnglishPage(String text) {
        assertThatThrownBy(() -> formatter.parse(text, Locale.ENGLISH)).isInstanceOf(ParseException.class);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"de|3.50|3,50", "de|1234.5|1.234,5", "en|1234.50|1,234.50", "de|0|0"})
    void printsAsItReads(String language, String value, String expected) {
        assertThat(formatter.print(new BigDecimal(value), Locale.forLanguageTag(language)))
                .isEqualTo(expected);
    }
}
