package org.opencxm.feedback.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerId;
import org.opencxm.feedback.SurveyId;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.SqlConditions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Survey invitations in the database, looked up by the hash of their token. */
@Component
class InvitationStore {

    private static final String COLUMNS =
            "i.workspace_id, i.id, i.survey_id, i.customer_id, i.channel, i.status, i.skip_reason, i.language,"
                    + " i.email, i.created_at, i.due_at, i.sent_at, i.reminded_at, i.expires_at, i.answered_at";

    private final JdbcClient jdbc;

    InvitationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(SurveyInvitation invitation, @Nullable String tokenHash, @Nullable TriggerId trigger) {
        jdbc.sql(
                        "insert into survey_invitation (workspace_id, id, survey_id, customer_id, channel, status, skip_reason,"
                                + " token_hash, language, email, created_at, due_at, sent_at, reminded_at, expires_at,"
                                + " answered_at, trigger_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        invitation.workspaceId().value(),
                        invitation.id().value(),
                        invitation.surveyId().value(),
                        invitation.customerId() == null
                                ? null
                                : invitation.customerId().value(),
                        invitation.channel().name(),
                        invitation.status().name(),
                        invitation.skipReason() == null
                                ? null
                                : invitation.skipReason().name(),
                        tokenHash,
                        invitation.language(),
                        invitation.email(),
                        Timestamp.from(invitation.createdAt()),
                        Timestamp.from(invitation.dueAt()),
                        timestamp(invitation.sentAt()),
                        timestamp(invitation.remindedAt()),
                        timestamp(invitation.expiresAt()),
                        timestamp(invitation.answeredAt()),
                        trigger == null ? null : trigger.value())
                .update();
    }

    /** Marks what the invitation follows up on ({@code case:<id>}), for its answer to carry. */
    void refer(WorkspaceId workspace, InvitationId id, String reference) {
        jdbc.sql("update survey_invitation set reference = ? where workspace_id = ? and id = ?")
                .params(reference, workspace.value(), id.value())
                .update();
    }

    @Nullable
    String reference(WorkspaceId workspace, InvitationId id) {
        return jdbc.sql("select reference from survey_invitation where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value())
                .query(String.class)
                .optional()
                .orElse(null);
    }

    Optional<SurveyInvitation> byTokenHash(String hash) {
        return jdbc.sql("select " + COLUMNS + " from survey_invitation i where token_hash = ?")
                .param(hash)
                .query(InvitationStore::map)
                .optional();
    }

    Optional<SurveyInvitation> find(WorkspaceId workspace, InvitationId id) {
        return jdbc.sql("select " + COLUMNS + " from survey_invitation i where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value())
                .query(InvitationStore::map)
                .optional();
    }

    List<SurveyInvitation> ofSurvey(WorkspaceId workspace, SurveyId survey, int limit) {
        return jdbc.sql("select " + COLUMNS + " from survey_invitation i where workspace_id = ? and survey_id = ?"
                        + " order by created_at desc, id desc limit ?")
                .params(workspace.value(), survey.value(), limit)
                .query(InvitationStore::map)
                .list();
    }

    /**
     * Whether the customer has an invitation (scheduled, sent or answered, any survey) due within
     * the window. Locks the customer's invitations for the transaction first, so two concurrent
     * invitations of one customer cannot both pass the throttle.
     */
    boolean invitedBetween(WorkspaceId workspace, CustomerId customer, Instant from, Instant to) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param("survey-invitation:" + customer.value())
                .query((rs, n) -> 1)
                .list();
        return jdbc.sql("select exists (select 1 from survey_invitation where workspace_id = ? and customer_id = ?"
                        + " and status in ('SCHEDULED', 'SENT', 'ANSWERED') and due_at > ? and due_at < ?)")
                .params(workspace.value(), customer.value(), Timestamp.from(from), Timestamp.from(to))
                .query(Boolean.class)
                .single();
    }

    /** The next e-mail invitation due for sending, locked for this transaction; other nodes skip it. */
    Optional<SurveyInvitation> nextDue(Instant now) {
        return jdbc.sql("select " + COLUMNS
                        + " from survey_invitation i where status = 'SCHEDULED' and channel = 'EMAIL'"
                        + " and due_at <= ? order by due_at limit 1 for update skip locked")
                .param(Timestamp.from(now))
                .query(InvitationStore::map)
                .optional();
    }

    /**
     * The next unanswered e-mail invitation whose reminder is due under its workspace's rule
     * (and whose link still works), locked for this transaction.
     */
    Optional<SurveyInvitation> nextReminder(Instant now) {
        return jdbc.sql("select " + COLUMNS + " from survey_invitation i"
                        + " join feedback_settings s on s.workspace_id = i.workspace_id and s.reminder_after_days > 0"
                        + " where i.status = 'SENT' and i.channel = 'EMAIL' and i.reminded_at is null"
                        + " and i.reminder_cancelled_at is null"
                        + " and i.sent_at <= ?::timestamptz - make_interval(days => s.reminder_after_days) and i.expires_at > ?"
                        + " order by i.sent_at limit 1 for update of i skip locked")
                .params(Timestamp.from(now), Timestamp.from(now))
                .query(InvitationStore::map)
                .optional();
    }

    /** Every invitation of the workspace still waiting to be sent is skipped, with the reason. */
    int skipScheduled(WorkspaceId workspace, SkipReason reason) {
        return jdbc.sql("update survey_invitation set status = 'SKIPPED', skip_reason = ?"
                        + " where workspace_id = ? and status = 'SCHEDULED'")
                .params(reason.name(), workspace.value())
                .update();
    }

    /** No reminder goes out any more for the workspace's invitations that are sent and unanswered. */
    int cancelReminders(WorkspaceId workspace, Instant at) {
        return jdbc.sql("update survey_invitation set reminder_cancelled_at = ? where workspace_id = ?"
                        + " and status = 'SENT' and reminded_at is null and reminder_cancelled_at is null")
                .params(Timestamp.from(at), workspace.value())
                .update();
    }

    /** Writes what a transition changed: status, skip reason, send, reminder and answer times. */
    void save(SurveyInvitation invitation) {
        jdbc.sql("update survey_invitation set status = ?, skip_reason = ?, sent_at = ?, reminded_at = ?,"
                        + " answered_at = ? where workspace_id = ? and id = ?")
                .params(
                        invitation.status().name(),
                        invitation.skipReason() == null
                                ? null
                                : invitation.skipReason().name(),
                        timestamp(invitation.sentAt()),
                        timestamp(invitation.remindedAt()),
                        timestamp(invitation.answeredAt()),
                        invitation.workspaceId().value(),
                        invitation.id().value())
                .update();
    }

    /** The invitation as it is now, locked until the transaction ends, for a transition. */
    Optional<SurveyInvitation> lock(WorkspaceId workspace, InvitationId id) {
        return jdbc.sql("select " + COLUMNS + " from survey_invitation i where workspace_id = ? and id = ? for update")
                .params(workspace.value(), id.value())
                .query(InvitationStore::map)
                .optional();
    }

    /** Invitations of the survey by status; with {@code from} and {@code to}, those due from the one up to (not including) the other. */
    Map<InvitationStatus, Long> countByStatus(
            WorkspaceId workspace, SurveyId survey, @Nullable Instant from, @Nullable Instant to) {
        var where = SqlConditions.where("workspace_id = ?", workspace.value())
                .and("survey_id = ?", survey.value())
                .andIfPresent("due_at >= ?", timestamp(from))
                .andIfPresent("due_at < ?", timestamp(to));
        var counts = new EnumMap<InvitationStatus, Long>(InvitationStatus.class);
        jdbc.sql("select status, count(*) from survey_invitation" + where.sql() + " group by status")
                .params(where.params())
                .query((rs, n) -> counts.put(InvitationStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                .list();
        return counts;
    }

    static SurveyInvitation map(ResultSet rs, int row) throws SQLException {
        var customer = rs.getObject("customer_id", UUID.class);
        var reason = rs.getString("skip_reason");
        return new SurveyInvitation(
                new InvitationId(rs.getObject("id", UUID.class)),
                new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                new SurveyId(rs.getObject("survey_id", UUID.class)),
                customer == null ? null : new CustomerId(customer),
                InvitationChannel.valueOf(rs.getString("channel")),
                InvitationStatus.valueOf(rs.getString("status")),
                reason == null ? null : SkipReason.valueOf(reason),
                rs.getString("language"),
                rs.getString("email"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("due_at").toInstant(),
                instant(rs.getTimestamp("sent_at")),
                instant(rs.getTimestamp("reminded_at")),
                instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("answered_at")),
                null);
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
