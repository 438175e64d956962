package org.opencxm.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.opencxm.platform.Actor;
import org.opencxm.platform.AnyRole;
import org.opencxm.platform.Language;
import org.opencxm.platform.Workspaces;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.common.RateLimits;
import org.opencxm.platform.internal.Users;
import org.opencxm.platform.security.AccountSessions;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** The signed-in user's own profile: language, time zone and password. */
@Controller
@AnyRole
class ProfileController {

    private final Users users;
    private final Workspaces workspaces;
    private final AccountSessions sessions;
    private final LocaleResolver locales;
    private final Clock clock;
    private final MessageSource messages;

    /**
     * Tries of the current password per person: a session left open must not become a way to
     * guess it, nor to keep the server hashing.
     */
    private final RateLimits passwordChecks = new RateLimits(5, Duration.ofMinutes(15));

    ProfileController(
            Users users,
            Workspaces workspaces,
            AccountSessions sessions,
            LocaleResolver locales,
            Clock clock,
            MessageSource messages) {
        this.messages = messages;
        this.users = users;
        this.workspaces = workspaces;
        this.sessions = sessions;
        this.locales = locales;
        this.clock = clock;
    }

    @GetMapping("/me")
    String show(Actor actor, Model model) {
        return page(actor, model);
    }

    @PostMapping("/me/preferences")
    String savePreferences(
            Actor actor,
            @RequestParam(defaultValue = "") String lang,
            @RequestParam(defaultValue = "") String timeZone,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        var language = Language.parse(lang);
        ZoneId zone = null;
        String error = null;
        if (language.isEmpty()) {
            error = "validation.locale";
        } else if (!timeZone.isBlank()) {
            if (ZoneId.getAvailableZoneIds().contains(timeZone)) {
                zone = ZoneId.of(timeZone);
            } else {
                error = "validation.timeZone";
            }
        }
        if (error != null || actor.userId() == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("preferencesError", error == null ? "validation.locale" : error);
            return page(actor, model);
        }
        users.changePreferences(actor.userId(), language.get().locale(), zone);
        locales.setLocale(request, response, language.get().locale());
        return "redirect:/me?saved";
    }

    /** A new password signs the person out everywhere else; this session stays. */
    @PostMapping("/me/password")
    String changePassword(
            Actor actor,
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String confirmation,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        try {
            if (actor.userId() == null) {
                throw new InvalidInputException("currentPassword", "validation.password.current");
            }
            if (!newPassword.equals(confirmation)) {
                throw new InvalidInputException("confirmation", "validation.password.mismatch");
            }
            if (passwordChecks.retryAfterSeconds(actor.userId().toString()).isPresent()) {
                throw new InvalidInputException("currentPassword", "validation.password.tooManyTries");
            }
            var email = users.changePassword(actor.userId(), currentPassword, newPassword);
            var session = request.getSession(false);
            sessions.endAll(email, session == null ? null : session.getId());
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("passwordError", e.messageKey());
            return page(actor, model);
        }
        return "redirect:/me?passwordChanged";
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
        return "redirect:" + sameSitePage(referer);
    }

    private String page(Actor actor, Model model) {
        if (actor.userId() != null) {
            model.addAttribute("own", users.ownSettings(actor.userId()));
        }
        model.addAttribute(
                "workspaceZone",
                TimeZoneChoices.label(
                        workspaces.get(actor.workspaceId()).timeZone(), LocaleContextHolder.getLocale(), messages));
        model.addAttribute("timeZones", TimeZoneChoices.offered());
        model.addAttribute(
                "timeZoneRegions",
                TimeZoneChoices.byRegion(clock.instant(), LocaleContextHolder.getLocale(), messages));
        return "platform/profile";
    }

    /**
     * The page the switch was on, with its query (filters, page), but only a path of this site,
     * so the form cannot be abused as an open redirect.
     */
    static String sameSitePage(String referer) {
        if (referer == null) {
            return "/";
        }
        try {
            var uri = URI.create(referer);
            var path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\")) {
                return "/";
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
