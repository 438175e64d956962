package org.opencxm.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of the sign-in form: each attempt is counted, and an address that must wait for this
 * e-mail is sent back to the sign-in page with the wait, before any password is checked, whether
 * the account exists or not.
 */
final class SignInThrottleFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;

    SignInThrottleFilter(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !"/login".equals(request.getServletPath());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var email = request.getParameter("email");
        if (email != null && throttle.admit(email, request.getRemoteAddr()) instanceof SignInDelays.Wait wait) {
            response.sendRedirect(request.getContextPath() + "/login?wait=" + wait.minutes());
            return;
        }
        chain.doFilter(request, response);
    }
}
