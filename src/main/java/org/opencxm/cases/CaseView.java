package org.opencxm.cases;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerId;
import org.opencxm.platform.Department;
import org.opencxm.platform.UserId;
import org.opencxm.touchpoints.TouchpointId;

/**
 * A case as lists and pages show it.
 *
 * @param sourceRef the id of the event or response that raised it
 * @param repeatOf the earlier case this one repeats
 * @param pausedAt since when the case has been waiting for the customer, which stops its clock
 * @param waitedSeconds the working time it waited for the customer before, in seconds
 */
public record CaseView(
        CaseId id,
        long number,
        CustomerId customerId,
        String subject,
        String category,
        Severity severity,
        CaseStatus status,
        CaseSource source,
        @Nullable String sourceRef,
        @Nullable TouchpointId touchpointId,
        Department department,
        @Nullable UserId assigneeId,
        @Nullable String assigneeName,
        @Nullable CaseId repeatOf,
        Instant openedAt,
        @Nullable Instant firstResponseAt,
        @Nullable Instant resolvedAt,
        @Nullable Instant firstResponseDue,
        @Nullable Instant resolutionDue,
        @Nullable Instant pausedAt,
        long waitedSeconds,
        int reopened,
        int version) {

    /**
     * What is due next while the case is open: the first answer until it is given, then the
     * resolution; nothing while the case waits for the customer.
     */
    public @Nullable Instant nextDue() {
        if (!status.open() || pausedAt != null) {
            return null;
        }
        return firstResponseAt == null ? firstResponseDue : resolutionDue;
    }

    public boolean overdue(Instant now) {
        var due = nextDue();
        return due != null && now.isAfter(due);
    }
}
