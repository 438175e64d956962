package org.opencxm.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.opencxm.platform.Actor;
import org.opencxm.platform.AnyRole;
import org.opencxm.platform.Language;
import org.opencxm.platform.internal.Users;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** The signed-in user's own preferences. */
@Controller
@AnyRole
class ProfileController {

    private final Users users;
    private final LocaleResolver locales;

    ProfileController(Users users, LocaleResolver locales) {
        this.users = users;
        this.locales = locales;
    }

    /** Saves the language in the user's profile, so it follows them to every device. */
    @PostMapping("/me/locale")
    String changeLocale(
            Actor actor,
            @RequestParam String lang,
            @RequestHeader(value = "Referer", required = false) String referer,
            HttpServletRequest request,
            HttpServletResponse response) {
        var language = Language.parse(lang);
        if (language.isPresent() && actor.userId() != null) {
            users.changeLocale(actor.userId(), language.get().locale());
            locales.setLocale(request, response, language.get().locale());
        }
        return "redirect:" + sameSitePath(referer);
    }

    /** Only a path of this site, so the form cannot be abused as an open redirect. */
    private static String sameSitePath(String referer) {
        if (referer == null) {
            return "/";
        }
        try {
            var path = URI.create(referer).getRawPath();
            return path == null || !path.startsWith("/") || path.startsWith("//") ? "/" : path;
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
