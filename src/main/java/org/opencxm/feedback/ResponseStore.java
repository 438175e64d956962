package org.opencxm.feedback;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerId;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.touchpoints.TouchpointId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Responses and their answers; every write is safe to repeat (double submits, retries). */
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

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    ResponseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
     * Replaces the answers to the page's questions with the given ones, in one statement (a
     * question left empty or hidden on a second submit loses its earlier answer).
     *
     * @param fresh the response was created in this transaction, so there is nothing to replace
     */
    void savePage(
            WorkspaceId workspace,
            ResponseId id,
            Collection<String> pageQuestions,
            List<Answer> answers,
            boolean fresh) {
        if (!fresh) {
            var answered = answers.stream().map(Answer::questionId).toArray(String[]::new);
            jdbc.sql("delete from survey_answer where workspace_id = ? and response_id = ? and question_id = any(?)"
                            + " and not question_id = any(?)")
                    .params(workspace.value(), id.value(), pageQuestions.toArray(String[]::new), answered)
                    .update();
        }
        if (answers.isEmpty()) {
            return;
        }
        jdbc.sql("insert into survey_answer (workspace_id, response_id, question_id, value, importance, choices, text)"
                        + " select ?, ?, a.question, a.value, a.importance,"
                        + " (select array_agg(c) from jsonb_array_elements_text(a.choices::jsonb) c), a.text"
                        + " from unnest(?::text[], ?::int[], ?::int[], ?::text[], ?::text[])"
                        + " as a(question, value, importance, choices, text)"
                        + " on conflict (workspace_id, response_id, question_id) do update"
                        + " set value = excluded.value, importance = excluded.importance, choices = excluded.choices,"
                        + " text = excluded.text")
                .params(
                        workspace.value(),
                        id.value(),
                        answers.stream().map(Answer::questionId).toArray(String[]::new),
                        answers.stream().map(Answer::value).toArray(Integer[]::new),
                        answers.stream().map(Answer::importance).toArray(Integer[]::new),
                        answers.stream().map(ResponseStore::choices).toArray(String[]::new),
                        answers.stream().map(Answer::text).toArray(String[]::new))
                .update();
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

    private static @Nullable String choices(Answer answer) {
        if (answer.choices().isEmpty()) {
            return null;
        }
        return JSON.writeValueAsString(answer.choices());
    }

    Map<String, Answer> answers(WorkspaceId workspace, ResponseId id) {
        var answers = new LinkedHashMap<String, Answer>();
        jdbc.sql("select question_id, value, importance, choices, text from survey_answer"
                        + " where workspace_id = ? and response_id = ?")
                .params(workspace.value(), id.value())
                .query((rs, n) -> {
                    var choices = rs.getArray("choices");
                    return new Answer(
                            rs.getString(1),
                            (Integer) rs.getObject(2),
                            (Integer) rs.getObject(3),
                            choices == null ? List.of() : List.of((String[]) choices.getArray()),
                            rs.getString(5));
                })
                .list()
                .forEach(answer -> answers.put(answer.questionId(), answer));
        return answers;
    }
}
