package org.opencxm.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem details (RFC 9457) written straight to the response, in the caller's language, for
 * answers given before any controller runs: by filters, security handlers and the error page.
 * Made by {@link WebConfiguration}, so that web slice tests have it too.
 */
public class ProblemResponses {

    private final JsonMapper json;
    private final MessageSource messages;
    private final LocaleResolver locales;

    ProblemResponses(JsonMapper json, MessageSource messages, LocaleResolver locales) {
        this.json = json;
        this.messages = messages;
        this.locales = locales;
    }

    /** A problem whose detail is the message {@code detailKey}; {@code errors} maps fields to message keys. */
    public ProblemDetail problem(
            HttpServletRequest request, HttpStatus status, String detailKey, Map<String, String> errors) {
        var locale = locales.resolveLocale(request);
        var problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(detailKey, null, locale));
        try {
            problem.setInstance(new URI(request.getRequestURI()));
        } catch (URISyntaxException e) {
            // a path Tomcat let through but java.net.URI refuses: the problem goes without it
        }
        if (!errors.isEmpty()) {
            problem.setProperty(
                    "errors",
                    errors.entrySet().stream()
                            .map(error -> Map.of(
                                    "field",
                                    error.getKey(),
                                    "message",
                                    messages.getMessage(error.getValue(), null, locale)))
                            .toList());
        }
        return problem;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detailKey)
            throws IOException {
        write(response, problem(request, status, detailKey, Map.of()));
    }

    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** Whether a request is one of the APIs, which answer problem details rather than pages. */
    public static boolean isApi(HttpServletRequest request) {
        var path = request.getRequestURI();
        return path.startsWith("/api/") || path.startsWith("/v1/");
    }
}
