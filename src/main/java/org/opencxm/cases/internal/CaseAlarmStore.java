package org.opencxm.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.opencxm.cases.CaseId;
import org.opencxm.platform.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of {@code case_alarm}: the alarms raised on each case, once each. */
@Component
public class CaseAlarmStore {

    private final JdbcClient jdbc;

    CaseAlarmStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the alarm; {@code false} if it was raised already (by an earlier or a parallel sweep). */
    public boolean raise(WorkspaceId workspace, CaseId caseId, String occasion, Instant dueAt, Instant at) {
        return jdbc.sql("insert into case_alarm (workspace_id, case_id, occasion, due_at, raised_at)"
                                + " values (?, ?, ?, ?, ?) on conflict do nothing")
                        .params(workspace.value(), caseId.value(), occasion, Timestamp.from(dueAt), Timestamp.from(at))
                        .update()
                == 1;
    }

    public Set<String> raised(WorkspaceId workspace, CaseId caseId) {
        return new HashSet<>(jdbc.sql("select occasion from case_alarm where workspace_id = ? and case_id = ?")
                .params(workspace.value(), caseId.value())
                .query(String.class)
                .list());
    }
}
