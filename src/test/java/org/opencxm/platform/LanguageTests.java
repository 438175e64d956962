package org.opencxm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageTests {

    @ParameterizedTest
    @CsvSource({"de, DE", "de-AT, DE", "de_CH, DE", "DE, DE", " en , EN", "en-GB, EN"})
    void regionalTagsMeanTheirLanguage(String tag, Language expected) {
        assertThat(Language.parse(tag)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "", "  ", "xx-YY", "deutsch"})
    void otherTagsAreNoSupportedLanguage(String tag) {
        assertThat(Language.parse(tag)).isEmpty();
    }

    @Test
    void absentTagsAndLocalesAreNoLanguage() {
        assertThat(Language.parse(null)).isEmpty();
        assertThat(Language.of(null)).isEmpty();
        assertThat(Language.of(Locale.GERMANY)).contains(Language.DE);
    }

    @Test
    void everyLanguageHasItsTagLocaleAndMessageKey() {
        assertThat(Language.DE.tag()).isEqualTo("de");
        assertThat(Language.EN.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(Language.DE.messageKey()).isEqualTo("language.de");
        assertThat(Language.locales()).containsExactly(Locale.ENGLISH, Locale.GERMAN);
    }

    record Form(@Language.Supported String language) {}

    @ParameterizedTest
    @CsvSource(
            value = {"de, true", "en, true", "de-AT, false", "DE, false", "fr, false", "NULL, true"},
            nullValues = "NULL")
    void aSupportedFieldTakesExactlyATagOrNothing(String value, boolean valid) {
        try (var factory = Validation.buildDefaultValidatorFactory()) {
            var violations = factory.getValidator().validate(new Form(value));
            assertThat(violations.isEmpty()).isEqualTo(valid);
        }
    }
}
