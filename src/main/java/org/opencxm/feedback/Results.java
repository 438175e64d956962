package org.opencxm.feedback;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.opencxm.platform.NotFoundException;
import org.opencxm.platform.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Survey results: invitations, responses and response rate, and per question its distribution,
 * score with margin of error, and free-text answers. Computed in the database by grouping, so
 * the work grows with the number of distinct answers, not of responses.
 */
@Service
public class Results {

    static final int COMMENTS = 100;

    private final JdbcClient jdbc;
    private final SurveyStore surveys;

    Results(JdbcClient jdbc, SurveyStore surveys) {
        this.jdbc = jdbc;
        this.surveys = surveys;
    }

    @Transactional(readOnly = true)
    public SurveyResults of(WorkspaceId workspace, SurveyId id, ResultFilter filter) {
        var survey = surveys.find(workspace, id).orElseThrow(() -> new NotFoundException("survey", id));
        var params = ResultFilter.params(workspace.value(), id.value());
        var where = " from survey_response r where r.workspace_id = ? and r.survey_id = ?" + filter.conditions(params);
        var counts = jdbc.sql("select count(*) filter (where r.completed_at is not null),"
                        + " count(*) filter (where r.completed_at is null),"
                        + " count(*) filter (where r.completed_at is not null and r.invitation_id is not null)" + where)
                .params(params)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .single();
        var invitations = invitations(workspace, id, filter);
        var delivered = invitations.getOrDefault("SENT", 0L) + invitations.getOrDefault("ANSWERED", 0L);
        var questions = new ArrayList<SurveyResults.QuestionResult>();
        var values = values(where, params);
        var choices = choices(where, params);
        var gaps = gaps(where, params);
        for (var question : survey.definition().questions()) {
            questions.add(result(
                    question,
                    values.getOrDefault(question.id(), Map.of()),
                    choices.getOrDefault(question.id(), Map.of()),
                    gaps.get(question.id()),
                    question.type() == QuestionType.FREE_TEXT ? comments(question, where, params) : List.of()));
        }
        return new SurveyResults(
                id,
                delivered,
                invitations.getOrDefault("SKIPPED", 0L),
                counts[0],
                counts[1],
                delivered == 0 ? null : 100.0 * counts[2] / delivered,
                questions);
    }

    private SurveyResults.QuestionResult result(
            Question question,
            Map<Integer, Long> values,
            Map<String, Long> chosen,
            SurveyResults.Gap gap,
            List<SurveyResults.Comment> comments) {
        var type = question.type();
        var buckets = new ArrayList<SurveyResults.Bucket>();
        long answered;
        if (type.scale()) {
            IntStream.rangeClosed(type.min(), type.max())
                    .forEach(v -> buckets.add(new SurveyResults.Bucket(
                            Integer.toString(v),
                            LocalizedText.of(Integer.toString(v), Integer.toString(v)),
                            values.getOrDefault(v, 0L))));
            answered = values.values().stream().mapToLong(Long::longValue).sum();
        } else if (type.choice()) {
            question.choices()
                    .forEach(c ->
                            buckets.add(new SurveyResults.Bucket(c.id(), c.label(), chosen.getOrDefault(c.id(), 0L))));
            answered = chosen.getOrDefault("", 0L);
        } else {
            answered = comments.size();
        }
        var score = type.scale() && type != QuestionType.EXPECTATION_GAP ? Score.of(type, values) : null;
        return new SurveyResults.QuestionResult(
                question.id(), type, question.text(), answered, score, buckets, gap, comments);
    }

    private Map<String, Map<Integer, Long>> values(String where, List<Object> params) {
        var values = new HashMap<String, Map<Integer, Long>>();
        jdbc.sql("select a.question_id, a.value, count(*) from survey_answer a join survey_response r"
                        + " on r.workspace_id = a.workspace_id and r.id = a.response_id"
                        + where.replace(" from survey_response r where", " where")
                        + " and a.value is not null group by 1, 2")
                .params(params)
                .query((rs, n) -> {
                    values.computeIfAbsent(rs.getString(1), q -> new TreeMap<>())
                            .put(rs.getInt(2), rs.getLong(3));
                    return null;
                })
                .list();
        return values;
    }

    /** Per choice question: count per choice, and under "" the number of answers. */
    private Map<String, Map<String, Long>> choices(String where, List<Object> params) {
        var choices = new HashMap<String, Map<String, Long>>();
        var join =
                " from survey_answer a join survey_response r on r.workspace_id = a.workspace_id and r.id = a.response_id"
                        + where.replace(" from survey_response r where", " where") + " and a.choices is not null";
        jdbc.sql("select a.question_id, c, count(*)"
                        + join.replace(" from survey_answer a", " from survey_answer a cross join unnest(a.choices) c")
                        + " group by 1, 2 union all select a.question_id, '', count(*)" + join + " group by 1")
                .params(concat(params, params))
                .query((rs, n) -> {
                    choices.computeIfAbsent(rs.getString(1), q -> new LinkedHashMap<>())
                            .put(rs.getString(2), rs.getLong(3));
                    return null;
                })
                .list();
        return choices;
    }

    private Map<String, SurveyResults.Gap> gaps(String where, List<Object> params) {
        var gaps = new HashMap<String, SurveyResults.Gap>();
        jdbc.sql(
                        "select a.question_id, avg(a.importance), avg(a.value), count(*) from survey_answer a join survey_response r"
                                + " on r.workspace_id = a.workspace_id and r.id = a.response_id"
                                + where.replace(" from survey_response r where", " where")
                                + " and a.importance is not null and a.value is not null group by 1")
                .params(params)
                .query((rs, n) -> gaps.put(
                        rs.getString(1), new SurveyResults.Gap(rs.getDouble(2), rs.getDouble(3), rs.getLong(4))))
                .list();
        return gaps;
    }

    private List<SurveyResults.Comment> comments(Question question, String where, List<Object> params) {
        var withQuestion = concat(params, List.of(question.id(), COMMENTS));
        return jdbc.sql("select a.text, r.updated_at from survey_answer a join survey_response r"
                        + " on r.workspace_id = a.workspace_id and r.id = a.response_id"
                        + where.replace(" from survey_response r where", " where")
                        + " and a.question_id = ? and a.text is not null order by r.updated_at desc limit ?")
                .params(withQuestion)
                .query((rs, n) -> new SurveyResults.Comment(
                        rs.getString(1), rs.getTimestamp(2).toInstant()))
                .list();
    }

    private Map<String, Long> invitations(WorkspaceId workspace, SurveyId id, ResultFilter filter) {
        var params = ResultFilter.params(workspace.value(), id.value());
        var sql = new StringBuilder(
                "select status, count(*) from survey_invitation i where workspace_id = ? and survey_id = ?");
        if (filter.from() != null) {
            sql.append(" and i.due_at >= ?");
            params.add(java.sql.Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and i.due_at < ?");
            params.add(java.sql.Timestamp.from(filter.to()));
        }
        var counts = new HashMap<String, Long>();
        jdbc.sql(sql + " group by status")
                .params(params)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
                .list();
        return counts;
    }

    private static List<Object> concat(List<Object> first, List<Object> second) {
        var all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
