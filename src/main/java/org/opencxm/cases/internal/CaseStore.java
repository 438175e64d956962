package org.opencxm.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.cases.CaseId;
import org.opencxm.cases.CaseSource;
import org.opencxm.cases.CaseStatus;
import org.opencxm.cases.CaseView;
import org.opencxm.cases.Severity;
import org.opencxm.customers.CustomerId;
import org.opencxm.platform.Department;
import org.opencxm.platform.UserId;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.Secrets;
import org.opencxm.touchpoints.TouchpointId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of {@code support_case} for the aggregate and the sweep; the queue and the figures read
 * it in {@link CaseQueueStore}. Callers hold the transaction; changes check the version read.
 */
@Component
public class CaseStore {

    static final String COLUMNS = "id, number, customer_id, subject, category, severity, status, source,"
            + " source_ref, touchpoint_id, department, assignee_id, assignee_name, repeat_of, opened_at,"
            + " first_response_at, resolved_at, first_response_due, resolution_due, paused_at, waited_seconds,"
            + " reopened, version";

    private final JdbcClient jdbc;

    CaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serializes the opening of cases in a workspace, so that numbers follow each other without gaps. */
    public void lockNumbers(WorkspaceId workspace) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param("cases:" + workspace.value())
                .query((rs, n) -> 1)
                .list();
    }

    public long nextNumber(WorkspaceId workspace) {
        return jdbc.sql("select coalesce(max(number), 0) + 1 from support_case where workspace_id = ?")
                .param(workspace.value())
                .query(Long.class)
                .single();
    }

    /** Stores a new case; {@code false} if its source event or response raised one already. */
    public boolean insert(WorkspaceId workspace, CaseView c, Instant at) {
        return jdbc.sql("""
                        insert into support_case (workspace_id, id, number, customer_id, subject, category, severity,
                                                  status, source, source_ref, touchpoint_id, department, assignee_id,
                                                  assignee_name, repeat_of, opened_at, first_response_due,
                                                  resolution_due, next_due, next_alarm, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (workspace_id, source, source_ref) where source_ref is not null do nothing""")
                        .params(
                                workspace.value(),
                                c.id().value(),
                                c.number(),
                                c.customerId().value(),
                                c.subject(),
                                c.category(),
                                c.severity().name(),
                                c.status().name(),
                                c.source().name(),
                                c.sourceRef(),
                                c.touchpointId() == null
                                        ? null
                                        : c.touchpointId().value(),
                                c.department().name(),
                                c.assigneeId() == null ? null : c.assigneeId().value(),
                                c.assigneeName(),
                                c.repeatOf() == null ? null : c.repeatOf().value(),
                                Timestamp.from(c.openedAt()),
                                timestamp(c.firstResponseDue()),
                                timestamp(c.resolutionDue()),
                                timestamp(c.nextDue()),
                                Timestamp.from(at),
                                Timestamp.from(at))
                        .update()
                == 1;
    }

    /** Writes what changed; {@code false} if someone changed the case since it was read. */
    public boolean update(WorkspaceId workspace, CaseView c, SupportCase.Worked worked, Instant at) {
        return jdbc.sql("""
                        update support_case set category = ?, severity = ?, status = ?, assignee_id = ?,
                               assignee_name = ?, first_response_at = ?, resolved_at = ?,
                               first_response_due = ?, resolution_due = ?, paused_at = ?, waited_seconds = ?,
                               next_due = ?, next_alarm = ?::timestamptz,
                               closed_at = case when ?::text = 'CLOSED' then coalesce(closed_at, ?::timestamptz) else null end,
                               reopened = ?,
                               -- kept from when it happened (a later calendar does not rewrite it); gone on reopening
                               first_response_worked = case when ?::bigint is null then null
                                                            else coalesce(first_response_worked, ?::bigint) end,
                               resolution_worked = case when ?::bigint is null then null
                                                        else coalesce(resolution_worked, ?::bigint) end,
                               updated_at = ?, version = version + 1
                        where workspace_id = ? and id = ? and version = ?""")
                        .params(
                                c.category(),
                                c.severity().name(),
                                c.status().name(),
                                c.assigneeId() == null ? null : c.assigneeId().value(),
                                c.assigneeName(),
                                timestamp(c.firstResponseAt()),
                                timestamp(c.resolvedAt()),
                                timestamp(c.firstResponseDue()),
                                timestamp(c.resolutionDue()),
                                timestamp(c.pausedAt()),
                                c.waitedSeconds(),
                                timestamp(c.nextDue()),
                                // whatever changed, the deadline sweep looks at the case again
                                Timestamp.from(at),
                                c.status().name(),
                                Timestamp.from(at),
                                c.reopened(),
                                seconds(worked.firstResponse()),
                                seconds(worked.firstResponse()),
                                seconds(worked.resolution()),
                                seconds(worked.resolution()),
                                Timestamp.from(at),
                                workspace.value(),
                                c.id().value(),
                                c.version())
                        .update()
                == 1;
    }

    /** When the sweep is to look at the case next; never, once nothing is to come. */
    public void alarmAt(WorkspaceId workspace, CaseId id, @Nullable Instant next) {
        jdbc.sql("update support_case set next_alarm = ? where workspace_id = ? and id = ?")
                .params(timestamp(next), workspace.value(), id.value())
                .update();
    }

    /** The customer heard from us; the silence rule counts from now, which the sweep is to see. */
    public void updated(WorkspaceId workspace, CaseId id, Instant at) {
        jdbc.sql("update support_case set last_update_at = ?, next_alarm = least(next_alarm, ?)"
                        + " where workspace_id = ? and id = ?")
                .params(Timestamp.from(at), Timestamp.from(at), workspace.value(), id.value())
                .update();
    }

    /** The case's reply token, made on first use: unguessable, so only its letters reach it. */
    public String replyToken(WorkspaceId workspace, CaseId id) {
        var existing = jdbc.sql("select reply_token from support_case where workspace_id = ? and id = ?"
                        + " and reply_token is not null")
                .params(workspace.value(), id.value())
                .query(String.class)
                .optional();
        if (existing.isPresent()) {
            // no row lock for a token the case has: a letter's SMTP round trip must not block the sweep
            return existing.get();
        }
        return jdbc.sql(
                        "update support_case set reply_token = coalesce(reply_token, ?) where workspace_id = ? and id = ?"
                                + " returning reply_token")
                .params(Secrets.mailToken(), workspace.value(), id.value())
                .query(String.class)
                .single();
    }

    /** The case a reply token belongs to, in whichever workspace. */
    public Optional<CaseSweepStore.Due> byReplyToken(String token) {
        return jdbc.sql("select workspace_id, id from support_case where reply_token = ?")
                .param(token)
                .query((rs, n) -> new CaseSweepStore.Due(
                        new WorkspaceId(rs.getObject(1, UUID.class)), new CaseId(rs.getObject(2, UUID.class))))
                .optional();
    }

    public Optional<CaseView> find(WorkspaceId workspace, CaseId id) {
        return jdbc.sql("select " + COLUMNS + " from support_case where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value())
                .query(CaseStore::view)
                .optional();
    }

    /** The customer's latest case in this category opened in {@code [since, until)}, for repeats. */
    public Optional<CaseView> latest(
            WorkspaceId workspace, CustomerId customer, String category, Instant since, Instant until) {
        return jdbc.sql("select " + COLUMNS + " from support_case where workspace_id = ? and customer_id = ?"
                        + " and category = ? and opened_at >= ? and opened_at < ? order by opened_at desc limit 1")
                .params(workspace.value(), customer.value(), category, Timestamp.from(since), Timestamp.from(until))
                .query(CaseStore::view)
                .optional();
    }

    /** The merged profile's cases now belong to the survivor. */
    public void reassign(WorkspaceId workspace, CustomerId merged, CustomerId survivor) {
        jdbc.sql("update support_case set customer_id = ? where workspace_id = ? and customer_id = ?")
                .params(survivor.value(), workspace.value(), merged.value())
                .update();
    }

    public List<CaseView> ofCustomer(WorkspaceId workspace, CustomerId customer, int limit) {
        return jdbc.sql("select " + COLUMNS + " from support_case where workspace_id = ? and customer_id = ?"
                        + " order by opened_at desc limit ?")
                .params(workspace.value(), customer.value(), limit)
                .query(CaseStore::view)
                .list();
    }

    static CaseView view(ResultSet rs, int row) throws SQLException {
        return new CaseView(
                new CaseId(rs.getObject("id", UUID.class)),
                rs.getLong("number"),
                new CustomerId(rs.getObject("customer_id", UUID.class)),
                rs.getString("subject"),
                rs.getString("category"),
                Severity.valueOf(rs.getString("severity")),
                CaseStatus.valueOf(rs.getString("status")),
                CaseSource.valueOf(rs.getString("source")),
                rs.getString("source_ref"),
                rs.getObject("touchpoint_id") == null
                        ? null
                        : new TouchpointId(rs.getObject("touchpoint_id", UUID.class)),
                Department.valueOf(rs.getString("department")),
                rs.getObject("assignee_id") == null ? null : new UserId(rs.getObject("assignee_id", UUID.class)),
                rs.getString("assignee_name"),
                rs.getObject("repeat_of") == null ? null : new CaseId(rs.getObject("repeat_of", UUID.class)),
                rs.getTimestamp("opened_at").toInstant(),
                instant(rs.getTimestamp("first_response_at")),
                instant(rs.getTimestamp("resolved_at")),
                instant(rs.getTimestamp("first_response_due")),
                instant(rs.getTimestamp("resolution_due")),
                instant(rs.getTimestamp("paused_at")),
                rs.getLong("waited_seconds"),
                rs.getInt("reopened"),
                rs.getInt("version"));
    }

    static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Long seconds(@Nullable Duration duration) {
        return duration == null ? null : duration.toSeconds();
    }

    static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
