package org.opencxm.touchpoints;

/** What is wrong where in a rejected request, e.g. {@code batch[3].userId}. */
record FieldProblem(String field, String messageKey) {}
