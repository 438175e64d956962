package org.opencxm.cases.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opencxm.cases.CaseFigures;
import org.opencxm.cases.CaseId;
import org.opencxm.cases.CaseQuery;
import org.opencxm.cases.CaseView;
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
        if (query.dueBefore() != null) {
            where.append(" and next_due < ?");
            params.add(Timestamp.from(query.dueBefore()));
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

    /** Which of the cases missed a due time (the sweep escalated them). */
    public java.util.Set<CaseId> escalated(WorkspaceId workspace, java.util.Collection<CaseId> ids) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql(
                        "select id from support_case where workspace_id = ? and id = any(?) and escalations > 0")
                .params(workspace.value(), ids.stream().map(CaseId::value).toArray(java.util.UUID[]::new))
                .query((rs, n) -> new CaseId(rs.getObject(1, java.util.UUID.class)))
                .list());
    }

    /**
     * The figures of the cases opened in {@code [from, to)}, in one pass: a row for all of them
     * (without a split) and one per severity, category, department, touchpoint (its id, "" for
     * none) and first or repeat; without {@code split} only the row for all (the queue's
     * headline, which should not pay for the splits).
     */
    public List<Grouped> figures(WorkspaceId workspace, Instant from, Instant to, boolean split) {
        var keys = split
                ? """
                        grouping(severity, category, department, touchpoint_id, repeat_of is not null), severity, category,
                        department, coalesce(touchpoint_id::text, ''), repeat_of is not null,"""
                : "31, null::text, null::text, null::text, '', false,"; // 31: grouping()'s value for the row of all
        var groups = split
                ? " group by grouping sets ((), (severity), (category), (department), (touchpoint_id),"
                        + " ((repeat_of is not null)))"
                : "";
        return jdbc.sql("select " + keys + """
                        count(*), count(*) filter (where source <> 'FEEDBACK'), count(first_response_at),
                        count(*) filter (where first_response_at <= first_response_due),
                        count(resolved_at), count(*) filter (where resolved_at <= resolution_due),
                        count(*) filter (where reopened > 0 and resolved_at is not null),
                        count(repeat_of),
                        percentile_cont(0.5) within group (order by first_response_worked),
                        percentile_cont(0.5) within group (order by resolution_worked)
                        from support_case where workspace_id = ? and opened_at >= ? and opened_at < ?""" + groups)
                .params(workspace.value(), Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> {
                    // grouping() sets the bit of each column the row is not split by, the first one highest
                    var by = switch (rs.getInt(1)) {
                        case 0b01111 -> CaseFigures.Split.SEVERITY;
                        case 0b10111 -> CaseFigures.Split.CATEGORY;
                        case 0b11011 -> CaseFigures.Split.DEPARTMENT;
                        case 0b11101 -> CaseFigures.Split.TOUCHPOINT;
                        case 0b11110 -> CaseFigures.Split.RECURRENCE;
                        default -> null;
                    };
                    String key = by == null
                            ? null
                            : switch (by) {
                                case SEVERITY -> rs.getString(2);
                                case CATEGORY -> rs.getString(3);
                                case DEPARTMENT -> rs.getString(4);
                                case TOUCHPOINT -> rs.getString(5);
                                case RECURRENCE -> rs.getBoolean(6) ? CaseFigures.REPEAT : CaseFigures.FIRST;
                            };
                    return new Grouped(
                            by,
                            new CaseFigures.Counts(
                                    key,
                                    rs.getLong(7),
                                    rs.getLong(8),
                                    rs.getLong(9),
                                    rs.getLong(10),
                                    rs.getLong(11),
                                    rs.getLong(12),
                                    rs.getLong(13),
                                    rs.getLong(14),
                                    seconds(rs.getObject(15)),
                                    seconds(rs.getObject(16)),
                                    null));
                })
                .list();
    }

    /** A row of the figures and the split it belongs to; {@code null} for the row of all cases. */
    public record Grouped(CaseFigures.@Nullable Split split, CaseFigures.Counts counts) {}

    private static @Nullable Duration seconds(@Nullable Object value) {
        return value == null ? null : Duration.ofSeconds(Math.round(((Number) value).doubleValue()));
    }
}
