package org.opencxm.touchpoints.internal;

/** What is wrong where in a rejected request, e.g. {@code batch[3].userId}. */
public record FieldProblem(String field, String messageKey) {}
