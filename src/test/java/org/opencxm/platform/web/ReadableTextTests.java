package org.opencxm.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Numbers, names and the way back after a language switch, as the reader expects them. */
class ReadableTextTests {

    private final DisplayFormats formats = new DisplayFormats();
    private final KnownNames names = new KnownNames(messages(), formats);

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void wellKnownEventNamesAndTraitKeysAreTranslatedAndTheRawNameStaysAtHand() {
        LocaleContextHolder.setLocale(Locale.GERMAN);
        assertThat(names.event("Order Completed")).isEqualTo("Bestellung abgeschlossen");
        assertThat(names.event("order_completed")).isEqualTo("Bestellung abgeschlossen");
        assertThat(names.rawEvent("Order Completed")).isEqualTo("Order Completed");
        assertThat(names.event("Wunschliste Geteilt")).isEqualTo("Wunschliste Geteilt");
        assertThat(names.rawEvent("Wunschliste Geteilt")).isNull();
        assertThat(names.trait("firstName")).isEqualTo("Vorname");
        assertThat(names.trait("first_name")).isEqualTo("Vorname");
        assertThat(names.trait("loyaltyTier")).isEqualTo("loyaltyTier");
        assertThat(names.touchpoint("Unassigned")).isEqualTo("Nicht zugeordnet");
        assertThat(names.touchpoint("Webshop")).isEqualTo("Webshop");

        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(names.event("Order Completed")).isEqualTo("Order Completed");
        assertThat(names.rawEvent("Order Completed")).as("nothing to add").isNull();
        assertThat(names.event("order_completed")).isEqualTo("Order Completed");
        assertThat(names.rawTrait("name")).as("only the case differs").isNull();
    }

    @Test
    void keysIgnoreCaseAndSeparators() {
        assertThat(KnownNames.key("Order Completed")).isEqualTo("order_completed");
        assertThat(KnownNames.key("orderCompleted")).isEqualTo("order_completed");
        assertThat(KnownNames.key(" Product Added to Wishlist ")).isEqualTo("product_added_to_wishlist");
        assertThat(KnownNames.key("postal-code")).isEqualTo("postal_code");
    }

    @Test
    void decimalsUseTheLanguagesSeparatorAndATrueMinus() {
        LocaleContextHolder.setLocale(Locale.GERMAN);
        assertThat(formats.decimal(-0.8249, 2)).isEqualTo("\u22120,82");
        assertThat(formats.decimal(4001.5, 1)).isEqualTo("4.001,5");
        assertThat(formats.number(4001)).isEqualTo("4.001");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(formats.decimal(-0.8249, 2)).isEqualTo("\u22120.82");
        assertThat(formats.number(4001)).isEqualTo("4,001");
        assertThat(formats.decimal(null, 1)).isEqualTo("–");
        assertThat(formats.decimal(-0.04, 1)).as("rounds to zero").isEqualTo("0.0");
        assertThat(names.value(1985)).as("a year").isEqualTo("1985");
        assertThat(names.value(-2.5)).isEqualTo("\u22122.5");
        assertThat(names.value(true)).isEqualTo("yes");
        assertThat(names.value(java.util.Map.of("email", true))).isEqualTo("{\"email\":true}");
    }

    @Test
    void theLanguageSwitchReturnsToThePageWithItsFiltersButNeverElsewhere() {
        assertThat(ProfileController.sameSitePage("http://localhost:8080/customers?q=anna&page=2"))
                .isEqualTo("/customers?q=anna&page=2");
        assertThat(ProfileController.sameSitePage("https://evil.example/customers?q=x"))
                .as("only the path and query count, never the host")
                .isEqualTo("/customers?q=x");
        assertThat(ProfileController.sameSitePage("http://localhost//evil.example/"))
                .isEqualTo("/");
        assertThat(ProfileController.sameSitePage("not a uri")).isEqualTo("/");
        assertThat(ProfileController.sameSitePage(null)).isEqualTo("/");
    }

    private static ResourceBundleMessageSource messages() {
        var source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
