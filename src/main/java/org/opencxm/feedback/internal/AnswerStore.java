package org.opencxm.feedback.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.opencxm.feedback.Answer;
import org.opencxm.feedback.ResponseId;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.SqlConditions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL of {@code survey_answer}: one response's answers, and the grouped figures results are
 * made of. Grouping happens in the database, so the work grows with the number of distinct
 * answers, not of responses. The figures take the responses to count as conditions on {@code
 * survey_response r} ({@link ResponseFilter#of}).
 */
@Component
class AnswerStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COUNTED = " from survey_answer a join survey_response r"
            + " on r.workspace_id = a.workspace_id and r.id = a.response_id";

    private final JdbcClient jdbc;

    AnswerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
                        answers.stream().map(AnswerStore::choices).toArray(String[]::new),
                        answers.stream().map(Answer::text).toArray(String[]::new))
                .update();
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

    /** Per question, how many answers gave each scale value. */
    Map<String, Map<Integer, Long>> values(SqlConditions responses) {
        var where = responses.and("a.value is not null");
        var values = new HashMap<String, Map<Integer, Long>>();
        jdbc.sql("select a.question_id, a.value, count(*)" + COUNTED + where.sql() + " group by 1, 2")
                .params(where.params())
                .query((rs, n) -> values.computeIfAbsent(rs.getString(1), q -> new TreeMap<>())
                        .put(rs.getInt(2), rs.getLong(3)))
                .list();
        return values;
    }

    /** Per choice question: how many answers chose each choice, and under {@code ""} how many answered. */
    Map<String, Map<String, Long>> choices(SqlConditions responses) {
        var where = responses.and("a.choices is not null");
        var choices = new HashMap<String, Map<String, Long>>();
        jdbc.sql("select a.question_id, c, count(*) from survey_answer a cross join unnest(a.choices) c"
                        + " join survey_response r on r.workspace_id = a.workspace_id and r.id = a.response_id"
                        + where.sql() + " group by 1, 2"
                        + " union all select a.question_id, '', count(*)" + COUNTED + where.sql() + " group by 1")
                .params(where.paramsAnd(where.params().toArray()))
                .query((rs, n) -> choices.computeIfAbsent(rs.getString(1), q -> new LinkedHashMap<>())
                        .put(rs.getString(2), rs.getLong(3)))
                .list();
        return choices;
    }

    Map<String, SurveyResults.Gap> gaps(SqlConditions responses) {
        var where = responses.and("a.importance is not null").and("a.value is not null");
        var gaps = new HashMap<String, SurveyResults.Gap>();
        jdbc.sql("select a.question_id, avg(a.importance), avg(a.value), count(*)" + COUNTED + where.sql()
                        + " group by 1")
                .params(where.params())
                .query((rs, n) -> gaps.put(
                        rs.getString(1), new SurveyResults.Gap(rs.getDouble(2), rs.getDouble(3), rs.getLong(4))))
                .list();
        return gaps;
    }

    /** The latest free-text answers to one question. */
    List<SurveyResults.Comment> comments(SqlConditions responses, String questionId, int limit) {
        var where = responses.and("a.question_id = ?", questionId).and("a.text is not null");
        return jdbc.sql("select a.text, r.updated_at" + COUNTED + where.sql() + " order by r.updated_at desc limit ?")
                .params(where.paramsAnd(limit))
                .query((rs, n) -> new SurveyResults.Comment(
                        rs.getString(1), rs.getTimestamp(2).toInstant()))
                .list();
    }

    private static @Nullable String choices(Answer answer) {
        if (answer.choices().isEmpty()) {
            return null;
        }
        return JSON.writeValueAsString(answer.choices());
    }
}
