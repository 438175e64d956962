package org.opencxm.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencxm.platform.PublicEndpoint;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The error page for callers that do not want HTML: a problem detail (RFC 9457) in their
 * language instead of Spring Boot's own JSON. It answers whatever failed before a controller
 * could: a query Tomcat cannot decode, a body too large, a path nothing maps. Pages keep the
 * HTML error templates.
 */
@Controller
@PublicEndpoint
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorProblems extends BasicErrorController {

    private final ProblemResponses problems;

    ErrorProblems(
            ErrorAttributes attributes, WebProperties web, List<ErrorViewResolver> views, ProblemResponses problems) {
        super(attributes, web.getError(), views);
        this.problems = problems;
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        var status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return new ResponseEntity<>(status);
        }
        var problem = problems.problem(request, status, detailKey(status), Map.of());
        // As ProblemDetail is serialized: "type" left out means about:blank (RFC 9457 §4.2.1)
        var body = new LinkedHashMap<String, Object>();
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        var path = request.getAttribute("jakarta.servlet.error.request_uri");
        if (path != null) {
            body.put("instance", path.toString());
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    static String detailKey(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "problem.badRequest";
            case UNAUTHORIZED -> "problem.unauthorized";
            case FORBIDDEN -> "problem.forbidden";
            case NOT_FOUND -> "problem.notFound";
            case METHOD_NOT_ALLOWED -> "problem.methodNotAllowed";
            case CONTENT_TOO_LARGE -> "problem.tooLarge";
            case UNSUPPORTED_MEDIA_TYPE -> "problem.mediaType";
            case TOO_MANY_REQUESTS -> "problem.tooMany";
            default -> status.is4xxClientError() ? "problem.badRequest" : "problem.server";
        };
    }
}
