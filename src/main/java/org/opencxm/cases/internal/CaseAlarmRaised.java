package org.opencxm.cases.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.cases.CaseId;
import org.opencxm.platform.WorkspaceId;

/**
 * The deadline sweep raised an alarm on a case. Published in the sweep's transaction, so whom it
 * concerns is told after it committed, and still after a restart (the event registry).
 *
 * @param promiseId the promise it is about, for promise alarms
 */
public record CaseAlarmRaised(
        WorkspaceId workspaceId,
        CaseId caseId,
        CaseAlarms.Kind kind,
        String occasion,
        @Nullable UUID promiseId) {}
