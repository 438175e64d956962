package org.opencxm.platform.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.opencxm.platform.internal.AccountStore;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * After sign-in the user's chosen language takes over from the browser's; a failed sign-in
 * says only "wrong e-mail or password" (no hint which), or that the account is locked.
 */
@Component
class LoginOutcomes extends SavedRequestAwareAuthenticationSuccessHandler implements AuthenticationFailureHandler {

    private final LocaleResolver locales;
    private final AccountStore accounts;
    private final Clock clock;

    LoginOutcomes(LocaleResolver locales, AccountStore accounts, Clock clock) {
        this.locales = locales;
        this.accounts = accounts;
        this.clock = clock;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws ServletException, IOException {
        if (authentication.getPrincipal() instanceof SignedInUser user) {
            accounts.recordLogin(user.actor().userId(), user.actor().workspaceId(), clock.instant());
            if (user.preferredLocale() != null) {
                locales.setLocale(request, response, user.preferredLocale());
            }
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String outcome = exception instanceof LockedException ? "locked" : "error";
        response.sendRedirect(request.getContextPath() + "/login?" + outcome);
    }
}
