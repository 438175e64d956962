package org.opencxm.touchpoints.web;

import java.util.Locale;
import org.opencxm.touchpoints.internal.CollectionRejected;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Rejections of the collection API as problem details. When the database cannot take the
 * events, the answer is 503 with {@code Retry-After}: Segment clients keep the events and retry,
 * so nothing is lost and nothing is acknowledged that is not stored.
 */
@RestControllerAdvice(assignableTypes = CollectionController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CollectionProblems {

    record Problem(String field, String message) {}

    private final MessageSource messages;

    CollectionProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(CollectionRejected rejected, Locale locale) {
        var problem = ProblemDetail.forStatusAndDetail(
                rejected.status(), messages.getMessage("collection.rejected", null, locale));
        problem.setProperty(
                "errors",
                rejected.problems().stream()
                        .map(p -> new Problem(p.field(), messages.getMessage(p.messageKey(), null, locale)))
                        .toList());
        return ResponseEntity.status(rejected.status()).body(problem);
    }

    /**
     * The database is gone, unreachable, or lost the connection before the commit was confirmed.
     * In the last case the events may in fact be stored; the client's retry is then
     * de-duplicated by message id.
     */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessException.class,
        RecoverableDataAccessException.class,
        TransactionException.class
    })
    ResponseEntity<ProblemDetail> onStoreUnavailable(Exception e, Locale locale) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, messages.getMessage("collection.unavailable", null, locale));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem);
    }
}
