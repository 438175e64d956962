package org.opencxm.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.cases.CaseId;
import org.opencxm.cases.CaseView;
import org.opencxm.platform.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The deadline sweep's SQL of {@code support_case}, a round of cases per statement: which cases
 * are due, locking them (those another sweep holds are left to it), their escalations and next
 * looks. The case itself is written by {@link CaseStore}.
 */
@Component
public class CaseSweepStore {

    private final JdbcClient jdbc;

    CaseSweepStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A case whose alarms are due, in the workspace it belongs to. */
    public record Due(WorkspaceId workspace, CaseId id) {}

    /**
     * The case as the deadline sweep needs it.
     *
     * @param lastUpdate when the customer last heard from us
     */
    public record Watched(CaseView view, @Nullable Instant lastUpdate) {}

    /** Cases of all workspaces whose next alarm is due, the longest due first. */
    public List<Due> alarmsDue(Instant now, int limit) {
        return jdbc.sql("select c.workspace_id, c.id from support_case c join workspace w on w.id = c.workspace_id"
                        + " where c.next_alarm <= ? and w.archived_at is null order by c.next_alarm limit ?")
                .params(Timestamp.from(now), limit)
                .query((rs, n) ->
                        new Due(new WorkspaceId(rs.getObject(1, UUID.class)), new CaseId(rs.getObject(2, UUID.class))))
                .list();
    }

    /**
     * Locks the cases for the sweep, in one statement; those another sweep holds are left out
     * (it will see to them).
     */
    public List<Watched> watchAll(List<Due> cases) {
        return jdbc.sql("select " + CaseStore.COLUMNS.replaceAll("(^|, )", "$1c.") + ", c.last_update_at"
                        + " from support_case c join unnest(?::uuid[], ?::uuid[]) as d(w, i)"
                        + " on c.workspace_id = d.w and c.id = d.i for update of c skip locked")
                .params(
                        cases.stream().map(d -> d.workspace().value()).toArray(UUID[]::new),
                        cases.stream().map(d -> d.id().value()).toArray(UUID[]::new))
                .query((rs, n) ->
                        new Watched(CaseStore.view(rs, n), CaseStore.instant(rs.getTimestamp("last_update_at"))))
                .list();
    }

    /** When the sweep is to look at each case next ({@code null}: never), in one statement. */
    public void alarmAtAll(Map<Due, @Nullable Instant> next) {
        if (next.isEmpty()) {
            return;
        }
        var cases = new java.util.ArrayList<>(next.keySet());
        jdbc.sql("""
                        update support_case c set next_alarm = d.next
                        from unnest(?::uuid[], ?::uuid[], ?::timestamptz[]) as d(w, i, next)
                        where c.workspace_id = d.w and c.id = d.i""")
                .params(
                        cases.stream().map(d -> d.workspace().value()).toArray(UUID[]::new),
                        cases.stream().map(d -> d.id().value()).toArray(UUID[]::new),
                        cases.stream()
                                .map(d -> CaseStore.timestamp(next.get(d)))
                                .toArray(Timestamp[]::new))
                .update();
    }

    /** The cases missed a due time (a case twice, if it appears twice): they rise in the queue. */
    public void escalateAll(List<Due> cases) {
        if (cases.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update support_case c set escalations = escalations + d.times
                        from (select w, i, count(*) as times from unnest(?::uuid[], ?::uuid[]) as u(w, i) group by w, i) d
                        where c.workspace_id = d.w and c.id = d.i""")
                .params(
                        cases.stream().map(d -> d.workspace().value()).toArray(UUID[]::new),
                        cases.stream().map(d -> d.id().value()).toArray(UUID[]::new))
                .update();
    }
}
