package org.opencxm.touchpoints.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The first thing a request to {@code /v1/*} meets, so that it arrives as the tracking libraries
 * mean it, whatever they put around it:
 *
 * <ul>
 *   <li>the time of arrival is taken here, before any other filter or a busy database can delay
 *       it: it is {@code receivedAt} and the base of the clock-skew correction;
 *   <li>a trailing slash ({@code /v1/import/}, as analytics-java posts) is dropped;
 *   <li>the body is JSON whatever the label: RudderStack's Node library calls its gzipped JSON a
 *       form, {@code sendBeacon} calls it text. Nothing may parse it as form parameters, which
 *       would consume it, so parameters come from the query string only;
 *   <li>a message for the collection API is then served right here by {@link
 *       CollectionEndpoint}: the filter chains and MVC that a page needs cost a tracking call
 *       more than storing it does (see docs/performance.md). The widget's and preflight
 *       requests go on as usual.
 * </ul>
 */
final class CollectionRequests extends OncePerRequestFilter {

    private static final String RECEIVED_AT = CollectionRequests.class.getName() + ".receivedAt";

    private final CollectionEndpoint endpoint;

    CollectionRequests(CollectionEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** When the request arrived, as the first filter saw it; now, if it did not pass it. */
    static Instant receivedAt(HttpServletRequest request, CollectionEndpoint endpoint) {
        return request.getAttribute(RECEIVED_AT) instanceof Instant at ? at : endpoint.now();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var receivedAt = endpoint.now();
        request.setAttribute(RECEIVED_AT, receivedAt);
        var asSent = new AsSent(request);
        var route = "POST".equals(request.getMethod())
                ? CollectionEndpoint.route(asSent.getRequestURI())
                : java.util.Optional.<CollectionEndpoint.Route>empty();
        if (route.isPresent()) {
            endpoint.serve(route.get(), asSent, response, receivedAt);
        } else {
            chain.doFilter(asSent, response);
        }
    }

    /** The request with its path's trailing slash dropped, its body labelled JSON, and no form parameters. */
    private static final class AsSent extends HttpServletRequestWrapper {

        private final Map<String, String[]> query;

        AsSent(HttpServletRequest request) {
            super(request);
            var parameters = new LinkedHashMap<String, String[]>();
            if (request.getQueryString() != null) {
                UriComponentsBuilder.fromUriString("?" + request.getQueryString())
                        .build()
                        .getQueryParams()
                        .forEach((name, values) -> parameters.put(
                                decoded(name),
                                values.stream().map(AsSent::decoded).toArray(String[]::new)));
            }
            this.query = Collections.unmodifiableMap(parameters);
        }

        @Override
        public String getRequestURI() {
            return withoutTrailingSlash(super.getRequestURI());
        }

        @Override
        public String getServletPath() {
            return withoutTrailingSlash(super.getServletPath());
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer(withoutTrailingSlash(super.getRequestURL().toString()));
        }

        @Override
        public @Nullable String getContentType() {
            return "POST".equals(getMethod()) ? MediaType.APPLICATION_JSON_VALUE : super.getContentType();
        }

        @Override
        public @Nullable String getHeader(String name) {
            return "Content-Type".equalsIgnoreCase(name) ? getContentType() : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if ("Content-Type".equalsIgnoreCase(name)) {
                var type = getContentType();
                return type == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(type));
            }
            return super.getHeaders(name);
        }

        @Override
        public @Nullable String getParameter(String name) {
            var values = query.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return query;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(query.keySet());
        }

        @Override
        public String @Nullable [] getParameterValues(String name) {
            return query.get(name);
        }

        /** As sent when it is not valid percent-encoding: no collection endpoint reads parameters. */
        private static String decoded(@Nullable String raw) {
            if (raw == null) {
                return "";
            }
            try {
                return UriUtils.decode(raw, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return raw;
            }
        }

        private static String withoutTrailingSlash(String path) {
            return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        }
    }
}
