package org.opencxm.cases.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.cases.CaseId;
import org.opencxm.platform.Department;
import org.opencxm.platform.UserId;

/**
 * What an agent promised the customer on a case, by when. Kept on time, kept late or, once its
 * due time passed unkept, overdue: only a promise kept by its due time counts as kept.
 */
public record CasePromise(
        UUID id,
        CaseId caseId,
        String what,
        Instant dueAt,
        @Nullable UserId madeBy,
        @Nullable String madeByName,
        Department department,
        Instant madeAt,
        @Nullable Instant keptAt) {

    public enum State {
        OPEN,
        OVERDUE,
        KEPT,
        KEPT_LATE
    }

    public State state(Instant now) {
        if (keptAt != null) {
            return keptAt.isAfter(dueAt) ? State.KEPT_LATE : State.KEPT;
        }
        return now.isAfter(dueAt) ? State.OVERDUE : State.OPEN;
    }

    public boolean kept() {
        return keptAt != null;
    }

    public String messageKey(Instant now) {
        return "case.promise.state." + state(now).name();
    }
}
