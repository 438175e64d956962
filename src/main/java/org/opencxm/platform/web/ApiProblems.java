package org.opencxm.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.common.NotFoundException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every REST API error is a problem detail (RFC 9457). Validation failures list each field
 * with a message in the caller's language under {@code errors}.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    record FieldProblem(String field, String message) {}

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
        setMessageSource(messages);
    }

    @ExceptionHandler
    ProblemDetail on(NotFoundException e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND, messages.getMessage("problem.notFound", null, locale));
    }

    @ExceptionHandler
    ProblemDetail on(InvalidInputException e, Locale locale) {
        var fields = e.problems().stream()
                .map(problem ->
                        new FieldProblem(problem.field(), messages.getMessage(problem.messageKey(), null, locale)))
                .toList();
        return invalid(fields, locale);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var locale = LocaleContextHolder.getLocale();
        var fields = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), messages.getMessage(error, locale)))
                .toList();
        return ResponseEntity.badRequest().body(invalid(fields, locale));
    }

    /** Malformed JSON or a value of the wrong type: name the field when the parser knows it. */
    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var locale = LocaleContextHolder.getLocale();
        var cause = e.getMostSpecificCause();
        var field = cause instanceof JacksonException json ? fieldPath(json) : "";
        var key = cause instanceof JacksonException json && NulCharacters.JSON_MESSAGE.equals(json.getOriginalMessage())
                ? NulCharacters.MESSAGE_KEY
                : field.isEmpty() ? "problem.unreadable" : "typeMismatch";
        var message = messages.getMessage(key, null, locale);
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldProblem(field, message)), locale));
    }

    /** A path variable or parameter of the wrong type ({@code ?page=x}, an id that is no UUID): a field error. */
    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var locale = LocaleContextHolder.getLocale();
        var field = e.getPropertyName() == null ? "" : e.getPropertyName();
        var message = messages.getMessage("typeMismatch", null, locale);
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldProblem(field, message)), locale));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var locale = LocaleContextHolder.getLocale();
        var message = messages.getMessage("NotNull", null, locale);
        return ResponseEntity.badRequest()
                .body(invalid(List.of(new FieldProblem(e.getParameterName(), message)), locale));
    }

    /**
     * Every other error Spring MVC answers itself (wrong method, media type, size): its detail is
     * English, so it is replaced by ours for the status, in the caller's language.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            problem.setDetail(messages.getMessage(
                    ErrorProblems.detailKey(HttpStatus.valueOf(status.value())),
                    null,
                    LocaleContextHolder.getLocale()));
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private static String fieldPath(JacksonException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private ProblemDetail invalid(List<FieldProblem> fields, Locale locale) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, messages.getMessage("problem.invalid", null, locale));
        problem.setProperty("errors", fields);
        return problem;
    }
}
