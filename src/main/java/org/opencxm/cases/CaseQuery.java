package org.opencxm.cases;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.Department;
import org.opencxm.platform.UserId;

/**
 * Which cases a queue shows: by status (open ones unless one is named), severity, category,
 * owning department, assignee and what is due before when; what is due first comes first, the
 * most severe among equals.
 *
 * @param status one status; {@code null}: every open case
 * @param assignee only this person's cases
 * @param unassigned only cases nobody has taken
 * @param dueBefore only cases whose next due time (first answer, then resolution) is before this
 */
public record CaseQuery(
        @Nullable CaseStatus status,
        @Nullable Severity severity,
        @Nullable UserId assignee,
        boolean unassigned,
        @Nullable String category,
        @Nullable Department department,
        @Nullable Instant dueBefore) {

    public static CaseQuery open() {
        return new CaseQuery(null, null, null, false, null, null, null);
    }
}
