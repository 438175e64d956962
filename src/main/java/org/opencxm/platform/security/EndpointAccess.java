package org.opencxm.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.PublicEndpoint;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks the roles an endpoint names in {@code @Secured} (or {@link AnyRole}) before Spring MVC
 * reads the request body, so that a caller without the role learns nothing from validation
 * errors. OpenCXM's own endpoints that name no roles and are not {@link PublicEndpoint}s are
 * refused: access is denied by default.
 */
public class EndpointAccess implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !isOurs(method)) {
            return true;
        }
        if (isPublic(method)) {
            return true;
        }
        var secured = secured(method);
        if (secured == null || !holdsOneOf(secured.value())) {
            throw new AccessDeniedException("role not admitted to " + request.getRequestURI());
        }
        return true;
    }

    private static boolean isOurs(HandlerMethod method) {
        return method.getBeanType().getPackageName().startsWith("org.opencxm.");
    }

    private static boolean isPublic(HandlerMethod method) {
        return method.hasMethodAnnotation(PublicEndpoint.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PublicEndpoint.class);
    }

    private static @Nullable Secured secured(HandlerMethod method) {
        var onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), Secured.class);
        return onMethod != null
                ? onMethod
                : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), Secured.class);
    }

    private static boolean holdsOneOf(String[] authorities) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        var admitted = Arrays.asList(authorities);
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(admitted::contains);
    }
}
