package org.opencxm.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.List;
import org.opencxm.platform.Actor;
import org.opencxm.platform.ApiKeyKind;
import org.opencxm.platform.ApiKeys;
import org.opencxm.platform.Department;
import org.opencxm.platform.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates REST calls that carry {@code Authorization: Bearer <management token>}. The
 * token acts with its role in its workspace; write keys are refused here by their prefix and
 * kind, so a write key can never read or change anything through the API.
 */
class ManagementTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiKeys apiKeys;
    private final ApiErrorResponses errors;

    ManagementTokenFilter(ApiKeys apiKeys, ApiErrorResponses errors) {
        this.apiKeys = apiKeys;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        var key = apiKeys.authenticate(header.substring(BEARER.length()).strip(), ApiKeyKind.MANAGEMENT);
        if (key.isEmpty()) {
            errors.commence(request, response, new BadCredentialsException("invalid token"));
            return;
        }
        var actor = new Actor(
                key.get().workspaceId(),
                null,
                key.get().name(),
                key.get().role(),
                Department.MANAGEMENT,
                null,
                ZoneOffset.UTC);
        var role = new SimpleGrantedAuthority(actor.role().authority());
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                actor,
                null,
                key.get().installation()
                        ? List.of(role, new SimpleGrantedAuthority(Role.INSTALLATION_ADMIN_AUTHORITY))
                        : List.of(role));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}
