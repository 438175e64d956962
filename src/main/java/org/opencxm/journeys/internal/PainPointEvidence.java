package org.opencxm.journeys.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerId;

/**
 * A complaint or negative survey response behind a cell of the pain-point map.
 *
 * @param note what it said (a comment or description, the first 500 characters), if anything
 */
public record PainPointEvidence(
        CustomerId customer,
        String name,
        Instant at,
        String signal,
        @Nullable String note) {}
