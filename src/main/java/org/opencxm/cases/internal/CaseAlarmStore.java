package org.opencxm.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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

    /** An alarm to record on a case. */
    public record Raising(WorkspaceId workspace, CaseId caseId, String occasion, Instant dueAt) {}

    /**
     * Records a round's alarms in one statement; answers those that were new, as {@code
     * caseId + "/" + occasion} (the others were raised already).
     */
    public Set<String> raiseAll(List<Raising> alarms, Instant at) {
        if (alarms.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        insert into case_alarm (workspace_id, case_id, occasion, due_at, raised_at)
                        select a.*, ? from unnest(?::uuid[], ?::uuid[], ?::text[], ?::timestamptz[]) as a
                        on conflict do nothing returning case_id::text || '/' || occasion""")
                .params(
                        Timestamp.from(at),
                        alarms.stream().map(a -> a.workspace().value()).toArray(UUID[]::new),
                        alarms.stream().map(a -> a.caseId().value()).toArray(UUID[]::new),
                        alarms.stream().map(Raising::occasion).toArray(String[]::new),
                        alarms.stream().map(a -> Timestamp.from(a.dueAt())).toArray(Timestamp[]::new))
                .query(String.class)
                .list());
    }

    /** The occasions raised on each of the cases. */
    public Map<CaseId, Set<String>> raisedAll(List<CaseSweepStore.Due> cases) {
        var raised = new HashMap<CaseId, Set<String>>();
        jdbc.sql("""
                        select a.case_id, a.occasion from case_alarm a
                        join unnest(?::uuid[], ?::uuid[]) as d(w, c) on a.workspace_id = d.w and a.case_id = d.c""")
                .params(
                        cases.stream().map(d -> d.workspace().value()).toArray(UUID[]::new),
                        cases.stream().map(d -> d.id().value()).toArray(UUID[]::new))
                .query(rs -> {
                    raised.computeIfAbsent(new CaseId(rs.getObject(1, UUID.class)), id -> new HashSet<>())
                            .add(rs.getString(2));
                });
        return raised;
    }
}
