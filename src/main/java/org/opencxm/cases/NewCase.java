package org.opencxm.cases;

import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerId;

/** A case an agent opens by hand: for whom, about what, how bad, and a first note. */
public record NewCase(
        @Nullable CustomerId customerId,
        @Nullable String subject,
        @Nullable String category,
        @Nullable Severity severity,
        @Nullable String note) {}
