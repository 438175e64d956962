package org.opencxm.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opencxm.cases.CaseFigures;
import org.opencxm.cases.CaseId;
import org.opencxm.platform.Department;
import org.opencxm.platform.UserId;
import org.opencxm.platform.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of {@code case_promise}. */
@Component
public class PromiseStore {

    private static final String COLUMNS =
            "id, case_id, what, due_at, made_by, made_by_name, department, made_at, kept_at";

    private final JdbcClient jdbc;

    PromiseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(WorkspaceId workspace, CasePromise promise) {
        jdbc.sql("insert into case_promise (workspace_id, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        workspace.value(),
                        promise.id(),
                        promise.caseId().value(),
                        promise.what(),
                        Timestamp.from(promise.dueAt()),
                        promise.madeBy() == null ? null : promise.madeBy().value(),
                        promise.madeByName(),
                        promise.department().name(),
                        Timestamp.from(promise.madeAt()),
                        null)
                .update();
    }

    /** Marks the promise kept; {@code false} if it was already. */
    public boolean keep(WorkspaceId workspace, CaseId caseId, UUID id, Instant at) {
        return jdbc.sql("update case_promise set kept_at = ? where workspace_id = ? and case_id = ? and id = ?"
                                + " and kept_at is null")
                        .params(Timestamp.from(at), workspace.value(), caseId.value(), id)
                        .update()
                == 1;
    }

    public Optional<CasePromise> find(WorkspaceId workspace, CaseId caseId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from case_promise where workspace_id = ? and case_id = ? and id = ?")
                .params(workspace.value(), caseId.value(), id)
                .query(PromiseStore::promise)
                .optional();
    }

    /** The case's promises, soonest due first. */
    public List<CasePromise> of(WorkspaceId workspace, CaseId caseId) {
        return jdbc.sql("select " + COLUMNS + " from case_promise where workspace_id = ? and case_id = ?"
                        + " order by due_at, id")
                .params(workspace.value(), caseId.value())
                .query(PromiseStore::promise)
                .list();
    }

    /** The promises of each of the cases, soonest due first. */
    public Map<CaseId, List<CasePromise>> ofAll(List<CaseSweepStore.Due> cases) {
        var promises = new HashMap<CaseId, List<CasePromise>>();
        jdbc.sql("select p." + COLUMNS.replace(", ", ", p.") + " from case_promise p"
                        + " join unnest(?::uuid[], ?::uuid[]) as d(w, c) on p.workspace_id = d.w and p.case_id = d.c"
                        + " order by p.due_at, p.id")
                .params(
                        cases.stream().map(d -> d.workspace().value()).toArray(UUID[]::new),
                        cases.stream().map(d -> d.id().value()).toArray(UUID[]::new))
                .query(PromiseStore::promise)
                .list()
                .forEach(p -> promises.computeIfAbsent(p.caseId(), id -> new ArrayList<>())
                        .add(p));
        return promises;
    }

    /** How the promises due in {@code [from, to)} went, per department (first) and agent. */
    public List<CaseFigures.Promises> kept(WorkspaceId workspace, Instant from, Instant to) {
        return jdbc.sql("""
                        select case when grouping(made_by) = 0 then coalesce(max(made_by_name), '–') end, department,
                               count(*), count(*) filter (where kept_at <= due_at)
                        from case_promise where workspace_id = ? and due_at >= ? and due_at < ?
                        group by grouping sets ((made_by, department), (department))
                        order by department, grouping(made_by) desc, max(made_by_name)""")
                .params(workspace.value(), Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new CaseFigures.Promises(
                        rs.getString(1), Department.valueOf(rs.getString(2)), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    private static CasePromise promise(ResultSet rs, int row) throws SQLException {
        var keptAt = rs.getTimestamp("kept_at");
        return new CasePromise(
                rs.getObject("id", UUID.class),
                new CaseId(rs.getObject("case_id", UUID.class)),
                rs.getString("what"),
                rs.getTimestamp("due_at").toInstant(),
                rs.getObject("made_by") == null ? null : new UserId(rs.getObject("made_by", UUID.class)),
                rs.getString("made_by_name"),
                Department.valueOf(rs.getString("department")),
                rs.getTimestamp("made_at").toInstant(),
                keptAt == null ? null : keptAt.toInstant());
    }
}
