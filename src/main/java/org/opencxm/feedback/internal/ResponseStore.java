package org.opencxm.feedback.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerId;
import org.opencxm.feedback.ResponseId;
import org.opencxm.feedback.SurveyId;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.SqlConditions;
import org.opencxm.touchpoints.TouchpointId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of {@code survey_response}: who answered which survey through which channel, and how
 * far they got. Every write is safe to repeat (double submits, retries). The answers themselves
 * are {@link AnswerStore}'s.
 */
@Component
class ResponseStore {

    /** What a response is about and how far the respondent got. */
    record Stored(
            ResponseId id,
            SurveyId surveyId,
            @Nullable InvitationId invitationId,
            int pagesDone,
            @Nullable Instant completedAt) {}

    /** Who answered, about what, through which channel. */
    record Origin(
            @Nullable InvitationId invitation,
            @Nullable CustomerId customer,
            @Nullable String anonymousId,
            @Nullable TouchpointId touchpoint,
            @Nullable LifecycleStage stage,
            String language,
            ResponseChannel channel) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate cursor;

    ResponseStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        // Its own template: the fetch size makes PostgreSQL stream rows through a cursor.
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(500);
    }

    Optional<Stored> find(WorkspaceId workspace, ResponseId id) {
        return jdbc.sql("select id, survey_id, invitation_id, pages_done, completed_at from survey_response"
                        + " where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value())
                .query((rs, n) -> {
                    var invitation = rs.getObject("invitation_id", UUID.class);
                    var completed = rs.getTimestamp("completed_at");
                    return new Stored(
                            new ResponseId(rs.getObject("id", UUID.class)),
                            new SurveyId(rs.getObject("survey_id", UUID.class)),
                            invitation == null ? null : new InvitationId(invitation),
                            rs.getInt("pages_done"),
                            completed == null ? null : completed.toInstant());
                })
                .optional();
    }

    /** Creates the response unless a submit with the same id got there first; true if this call did. */
    boolean start(WorkspaceId workspace, ResponseId id, SurveyId survey, Origin origin, Instant now) {
        return jdbc.sql(
                                "insert into survey_response (workspace_id, id, survey_id, invitation_id, customer_id, anonymous_id,"
                                        + " touchpoint_id, lifecycle_stage, language, channel, started_at, updated_at)"
                                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                        .params(
                                workspace.value(),
                                id.value(),
                                survey.value(),
                                origin.invitation() == null
                                        ? null
                                        : origin.invitation().value(),
                                origin.customer() == null
                                        ? null
                                        : origin.customer().value(),
                                origin.anonymousId(),
                                origin.touchpoint() == null
                                        ? null
                                        : origin.touchpoint().value(),
                                origin.stage() == null ? null : origin.stage().name(),
                                origin.language(),
                                origin.channel().name(),
                                Timestamp.from(now),
                                Timestamp.from(now))
                        .update()
                == 1;
    }

    /**
     * Records that the respondent got past {@code pagesDone} pages and, with {@code complete},
     * that the response is complete. True only for the call that completed it, so that what
     * follows a completed response happens once even when the last page is submitted twice.
     */
    boolean advance(WorkspaceId workspace, ResponseId id, int pagesDone, boolean complete, Instant now) {
        return jdbc.sql("""
                        with before as (
                          select completed_at from survey_response where workspace_id = ? and id = ? for update
                        )
                        update survey_response r set pages_done = greatest(r.pages_done, ?), updated_at = ?,
                               completed_at = coalesce(r.completed_at, case when ? then ?::timestamptz end)
                        from before
                        where r.workspace_id = ? and r.id = ?
                        returning ? and before.completed_at is null""")
                .params(
                        workspace.value(),
                        id.value(),
                        pagesDone,
                        Timestamp.from(now),
                        complete,
                        Timestamp.from(now),
                        workspace.value(),
                        id.value(),
                        complete)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Completed and partial responses the filter admits, and the completed ones that answer an invitation. */
    record Counts(long completed, long partial, long completedInvited) {}

    Counts count(SqlConditions responses) {
        return jdbc.sql("select count(*) filter (where r.completed_at is not null),"
                        + " count(*) filter (where r.completed_at is null),"
                        + " count(*) filter (where r.completed_at is not null and r.invitation_id is not null)"
                        + " from survey_response r" + responses.sql())
                .params(responses.params())
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    /**
     * Every response the conditions admit with all its answers (as one JSON object per question:
     * value {@code v}, importance {@code i}, choices {@code c}, text {@code t}), oldest first,
     * streamed through a cursor so that exports of any size run in constant memory.
     */
    void eachWithAnswers(SqlConditions responses, RowCallbackHandler row) {
        cursor.query(
                "select r.id, r.started_at, r.completed_at, r.channel, r.language, r.customer_id, r.lifecycle_stage,"
                        + " coalesce(jsonb_object_agg(a.question_id, jsonb_build_object('v', a.value, 'i', a.importance,"
                        + " 'c', a.choices, 't', a.text)) filter (where a.question_id is not null), '{}')::text as answers"
                        + " from survey_response r left join survey_answer a"
                        + " on a.workspace_id = r.workspace_id and a.response_id = r.id"
                        + responses.sql() + " group by r.workspace_id, r.id order by r.started_at, r.id",
                row,
                responses.params().toArray());
    }
}
