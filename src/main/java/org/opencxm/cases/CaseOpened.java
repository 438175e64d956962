package org.opencxm.cases;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerId;
import org.opencxm.platform.WorkspaceId;

/**
 * A case was opened. Published once per case, in the transaction that opens it.
 *
 * @param repeatOf the earlier case of the same customer and category within 90 days, if any
 */
public record CaseOpened(
        WorkspaceId workspaceId,
        CaseId caseId,
        long number,
        CustomerId customerId,
        String category,
        Severity severity,
        CaseSource source,
        @Nullable CaseId repeatOf,
        Instant openedAt) {}
