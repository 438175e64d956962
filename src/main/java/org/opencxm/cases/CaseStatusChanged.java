package org.opencxm.cases;

import java.time.Instant;
import org.opencxm.customers.CustomerId;
import org.opencxm.platform.WorkspaceId;

/** A case moved from one status to another. Published once per move, in its transaction. */
public record CaseStatusChanged(
        WorkspaceId workspaceId,
        CaseId caseId,
        long number,
        CustomerId customerId,
        CaseStatus from,
        CaseStatus to,
        Instant at) {

    /** A resolved or closed case went back to work. */
    public boolean reopened() {
        return !from.open() && to.open();
    }
}
