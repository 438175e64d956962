package org.opencxm.cases.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opencxm.cases.CaseFigures;
import org.opencxm.cases.CaseQuery;
import org.opencxm.cases.CaseView;
import org.opencxm.cases.Severity;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.Paging;
import org.opencxm.platform.common.ResultPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The reading side of {@code support_case}: the queue and the figures, never a change. */
@Component
public class CaseQueueStore {

    /**
     * Escalated cases first, then what is due first (cases waiting for the customer last), then
     * the most severe.
     */
    private static final String QUEUE_ORDER = " order by escalations > 0 desc, next_due nulls last,"
            + " array_position(array['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'], severity), opened_at, id";

    private final JdbcClient jdbc;

    CaseQueueStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ResultPage<CaseView> list(WorkspaceId workspace, CaseQuery query, Paging paging) {
        var where = new StringBuilder(" where workspace_id = ?");
        var params = new java.util.ArrayList<Object>(List.of(workspace.value()));
        if (query.status() == null) {
            where.append(" and status not in ('RESOLVED', 'CLOSED')");
        } else {
            where.append(" and status = ?");
            params.add(query.status().name());
        }
        if (query.severity() != null) {
            where.append(" and severity = ?");
            params.add(query.severity().name());
        }
        if (query.category() != null) {
            where.append(" and category = ?");
            params.add(query.category());
        }
        if (query.department() != null) {
            where.append(" and department = ?");
            params.add(query.department().name());
        }
        if (query.assignee() != null) {
            where.append(" and assignee_id = ?");
            params.add(query.assignee().value());
        } else if (query.unassigned()) {
            where.append(" and assignee_id is null");
        }
        long total = jdbc.sql("select count(*) from support_case" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.add(paging.size());
        params.add(paging.offset());
        var items = jdbc.sql("select " + CaseStore.COLUMNS + " from support_case" + where + QUEUE_ORDER
                        + " limit ? offset ?")
                .params(params)
                .query(CaseStore::view)
                .list();
        return new ResultPage<>(items, paging.page(), paging.size(), total);
    }

    /**
     * The figures of the cases opened in {@code [from, to)}, one row per severity (most severe
     * first) and a first row for all of them.
     */
    public List<CaseFigures.Counts> figures(WorkspaceId workspace, Instant from, Instant to) {
        return jdbc.sql("""
                        select severity, count(*), count(first_response_at),
                               count(*) filter (where first_response_at <= first_response_due),
                               count(resolved_at), count(*) filter (where resolved_at <= resolution_due),
                               count(*) filter (where reopened > 0 and resolved_at is not null),
                               count(repeat_of),
                               percentile_cont(0.5) within group (
                                 order by extract(epoch from first_response_at - opened_at)),
                               percentile_cont(0.5) within group (order by extract(epoch from resolved_at - opened_at))
                        from support_case where workspace_id = ? and opened_at >= ? and opened_at < ?
                        group by grouping sets ((), (severity))
                        order by severity is not null, array_position(array['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'], severity)""")
                .params(workspace.value(), Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new CaseFigures.Counts(
                        rs.getString(1) == null ? null : Severity.valueOf(rs.getString(1)),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        seconds(rs.getObject(9)),
                        seconds(rs.getObject(10))))
                .list();
    }

    private static @Nullable Duration seconds(@Nullable Object value) {
        return value == null ? null : Duration.ofSeconds(Math.round(((Number) value).doubleValue()));
    }
}
