package org.opencxm.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.opencxm.platform.PublicEndpoint;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.common.NotFoundException;
import org.opencxm.platform.common.RateLimits;
import org.opencxm.platform.internal.PasswordResets;
import org.opencxm.platform.security.AccountSessions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Forgot password?" on the sign-in page: asking for a link answers the same for every address,
 * and following the link sets a new password and signs the account out everywhere.
 */
@Controller
@PublicEndpoint
class PasswordResetController {

    private final PasswordResets resets;
    private final AccountSessions sessions;
    private final RateLimits requests;

    PasswordResetController(
            PasswordResets resets,
            AccountSessions sessions,
            @Value("${opencxm.rate-limit.password-reset-per-hour}") long perHour) {
        this.resets = resets;
        this.sessions = sessions;
        this.requests = new RateLimits(perHour, Duration.ofHours(1));
    }

    @GetMapping("/password/forgot")
    String forgot() {
        return "platform/password-forgot";
    }

    /** The same answer for every address, known or not; only the number of asks per network is limited. */
    @PostMapping("/password/forgot")
    String ask(
            @RequestParam(defaultValue = "") String email,
            Locale locale,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        var address = email.strip();
        if (address.isEmpty() || address.length() > 254 || !address.contains("@")) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "validation.email");
            model.addAttribute("email", address);
            return "platform/password-forgot";
        }
        var wait = requests.retryAfterSeconds(RateLimits.networkOf(request.getRemoteAddr()));
        if (wait.isPresent()) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()));
            model.addAttribute("waitMinutes", Math.max(1, (wait.getAsLong() + 59) / 60));
            return "platform/password-forgot";
        }
        resets.request(address, locale);
        return "redirect:/password/forgot?sent";
    }

    @GetMapping("/password/reset/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        var email = resets.emailFor(token);
        if (email.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "platform/password-reset-invalid";
        }
        model.addAttribute("email", email.get());
        return "platform/password-reset";
    }

    @PostMapping("/password/reset/{token}")
    String reset(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation,
            Model model,
            HttpServletResponse response) {
        var email = resets.emailFor(token);
        if (email.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "platform/password-reset-invalid";
        }
        try {
            if (!password.equals(confirmation)) {
                throw new InvalidInputException("confirmation", "validation.password.mismatch");
            }
            sessions.endAll(resets.reset(token, password), null);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("email", email.get());
            model.addAttribute("error", e.messageKey());
            return "platform/password-reset";
        } catch (NotFoundException e) {
            // used up by a request that came in between
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "platform/password-reset-invalid";
        }
        return "redirect:/login?reset";
    }
}
