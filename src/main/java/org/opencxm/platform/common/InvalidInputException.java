package org.opencxm.platform.common;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Input that breaks a business rule the form validation cannot see (a taken e-mail, the last
 * admin, a survey whose skip logic points forward). Answered as 400 with field errors, their
 * texts from the message bundle.
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class InvalidInputException extends RuntimeException {

    /** One field and the message key that says what is wrong with it. */
    public record Problem(String field, String messageKey) {}

    private final List<Problem> problems;

    public InvalidInputException(String field, String messageKey) {
        this(List.of(new Problem(field, messageKey)));
    }

    public InvalidInputException(List<Problem> problems) {
        super(problems.toString());
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The first problem's message key per field, in their order, as forms mark their fields. */
    public java.util.Map<String, String> byField() {
        var byField = new java.util.LinkedHashMap<String, String>();
        problems.forEach(p -> byField.putIfAbsent(p.field(), p.messageKey()));
        return byField;
    }

    public String field() {
        return problems.get(0).field();
    }

    public String messageKey() {
        return problems.get(0).messageKey();
    }
}
