package org.opencxm.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * One rule for U+0000 at every door: it is refused with a field error, never stored (PostgreSQL
 * would refuse it anyway, as a 500 with the offending text in its log). This filter takes the
 * path, query and form parameters of every request; {@link Strings} takes every text of a JSON
 * body the REST API reads; the collection API's parser checks its own messages.
 */
final class NulCharacters extends OncePerRequestFilter {

    static final String MESSAGE_KEY = "validation.nul";

    /** What a JSON text with U+0000 is reported as, so that the problem can name the field. */
    static final String JSON_MESSAGE = "U+0000 is not allowed in text";

    private final ProblemResponses problems;

    NulCharacters(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var field = offendingField(request);
        if (field == null) {
            chain.doFilter(request, response);
        } else if (ProblemResponses.isApi(request)) {
            problems.write(
                    response,
                    problems.problem(request, HttpStatus.BAD_REQUEST, "problem.invalid", Map.of(field, MESSAGE_KEY)));
        } else {
            response.sendError(HttpStatus.BAD_REQUEST.value());
        }
    }

    private static @Nullable String offendingField(HttpServletRequest request) {
        if (encodesNul(request.getRequestURI())) {
            return "path";
        }
        if (encodesNul(request.getQueryString())) {
            return "query";
        }
        for (var parameter : request.getParameterMap().entrySet()) {
            if (hasNul(parameter.getKey())) {
                return "parameter";
            }
            for (var value : parameter.getValue()) {
                if (hasNul(value)) {
                    return parameter.getKey();
                }
            }
        }
        return null;
    }

    /** A URI or query string as sent: NUL arrives encoded. */
    private static boolean encodesNul(@Nullable String raw) {
        return raw != null && (raw.contains("%00") || hasNul(raw));
    }

    private static boolean hasNul(@Nullable String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    /** Every text of a JSON body: a U+0000 in it is a field error at that field's path. */
    static final class Strings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            var value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                return context.reportInputMismatch(this, JSON_MESSAGE);
            }
            return value;
        }
    }
}
