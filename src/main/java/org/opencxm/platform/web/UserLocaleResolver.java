package org.opencxm.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.Language;
import org.opencxm.platform.security.SignedInUser;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Which language a page is in: the signed-in user's choice, else the language picked on the
 * sign-in page (a cookie), else the browser's, else English.
 */
class UserLocaleResolver extends CookieLocaleResolver {

    static final String COOKIE = "OPENCXM_LANG";

    UserLocaleResolver() {
        super(COOKIE);
        setCookieMaxAge(Duration.ofDays(365));
        setCookieSameSite("Lax");
        var browser = new AcceptHeaderLocaleResolver();
        browser.setSupportedLocales(Language.locales());
        browser.setDefaultLocale(Language.EN.locale());
        setDefaultLocaleFunction(browser::resolveLocale);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(Language.PAGE_LANGUAGE) instanceof Locale page) {
            return page;
        }
        var chosen = signedInUsersChoice();
        return chosen != null ? chosen : supportedOrEnglish(super.resolveLocale(request));
    }

    /**
     * What {@code LocaleContextHolder} carries through the request, so that formats (numbers,
     * dates) follow the same choice as the texts: the cookie resolver's own answer would know
     * nothing of the signed-in user's saved language.
     */
    @Override
    public LocaleContext resolveLocaleContext(HttpServletRequest request) {
        return () -> resolveLocale(request);
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        super.setLocale(
                request, response, Language.of(locale).map(Language::locale).orElse(null));
    }

    private static @Nullable Locale signedInUsersChoice() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser user
                ? user.preferredLocale()
                : null;
    }

    private static Locale supportedOrEnglish(Locale locale) {
        return Language.of(locale).orElse(Language.EN).locale();
    }
}
