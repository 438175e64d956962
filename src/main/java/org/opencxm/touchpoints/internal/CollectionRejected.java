package org.opencxm.touchpoints.internal;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A collection request that stores nothing, with the reasons. */
public class CollectionRejected extends RuntimeException {

    private final HttpStatus status;
    private final List<FieldProblem> problems;

    CollectionRejected(HttpStatus status, List<FieldProblem> problems) {
        super(status + " " + problems);
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    static CollectionRejected badRequest(String field, String messageKey) {
        return new CollectionRejected(HttpStatus.BAD_REQUEST, List.of(new FieldProblem(field, messageKey)));
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
