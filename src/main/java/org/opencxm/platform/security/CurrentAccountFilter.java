package org.opencxm.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads the signed-in user on every request (one primary-key look-up), so that a user an
 * admin disables is signed out at once and a changed role or language applies to the next
 * click rather than the next login.
 */
class CurrentAccountFilter extends OncePerRequestFilter {

    private final LoginAccounts accounts;
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    CurrentAccountFilter(LoginAccounts accounts) {
        this.accounts = accounts;
    }

    /** Stylesheets and scripts need no fresh account, and a page loads several of them. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            var current = accounts.reload(user.actor()).filter(SignedInUser::isEnabled);
            var context = SecurityContextHolder.createEmptyContext();
            if (current.isEmpty()) {
                var session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else {
                current.get().eraseCredentials();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        current.get(), null, current.get().getAuthorities()));
                if (!current.get().actor().equals(user.actor())) {
                    repository.saveContext(context, request, response);
                }
            }
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
