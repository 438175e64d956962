package org.opencxm.feedback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.opencxm.platform.NotFoundException;
import org.opencxm.platform.SpreadsheetSafe;
import org.opencxm.platform.WorkspaceId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * All responses of a survey as CSV, one row per response and one column per question (two for
 * expectation vs. experience). Rows stream from a database cursor, so exports of any size run
 * in constant memory. Every text cell is neutralized against spreadsheet formulas.
 */
@Service
public class ResponseExport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final SurveyStore surveys;

    ResponseExport(javax.sql.DataSource dataSource, SurveyStore surveys) {
        // Its own template: the fetch size makes PostgreSQL stream rows through a cursor.
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(500);
        this.surveys = surveys;
    }

    @Transactional(readOnly = true)
    public void write(WorkspaceId workspace, SurveyId id, ResultFilter filter, Writer out) {
        var survey = surveys.find(workspace, id).orElseThrow(() -> new NotFoundException("survey", id));
        var questions = survey.definition().questions();
        var header = new ArrayList<>(List.of(
                "response_id", "started_at", "completed_at", "channel", "language", "customer_id", "lifecycle_stage"));
        for (var question : questions) {
            if (question.type() == QuestionType.EXPECTATION_GAP) {
                header.add(question.id() + "_importance");
            }
            header.add(question.id());
        }
        var params = ResultFilter.params(workspace.value(), id.value());
        var sql = "select r.id, r.started_at, r.completed_at, r.channel, r.language, r.customer_id, r.lifecycle_stage,"
                + " coalesce(jsonb_object_agg(a.question_id, jsonb_build_object('v', a.value, 'i', a.importance,"
                + " 'c', a.choices, 't', a.text)) filter (where a.question_id is not null), '{}')::text as answers"
                + " from survey_response r left join survey_answer a on a.workspace_id = r.workspace_id and a.response_id = r.id"
                + " where r.workspace_id = ? and r.survey_id = ?" + filter.conditions(params)
                + " group by r.workspace_id, r.id order by r.started_at, r.id";
        try {
            var printer = CSVFormat.DEFAULT
                    .builder()
                    .setHeader(header.toArray(String[]::new))
                    .get()
                    .print(out);
            jdbc.query(
                    sql,
                    rs -> {
                        var row = new ArrayList<Object>();
                        row.add(rs.getString(1));
                        row.add(rs.getTimestamp(2).toInstant());
                        row.add(
                                rs.getTimestamp(3) == null
                                        ? ""
                                        : rs.getTimestamp(3).toInstant());
                        row.add(rs.getString(4));
                        row.add(rs.getString(5));
                        row.add(rs.getString(6) == null ? "" : rs.getString(6));
                        row.add(rs.getString(7) == null ? "" : rs.getString(7));
                        var answers = JSON.readTree(rs.getString(8));
                        for (var question : questions) {
                            var answer = answers.get(question.id());
                            if (question.type() == QuestionType.EXPECTATION_GAP) {
                                row.add(number(answer, "i"));
                            }
                            row.add(cell(answer));
                        }
                        print(printer, row);
                    },
                    params.toArray());
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cell(JsonNode answer) {
        if (answer == null) {
            return "";
        }
        var text = answer.get("t");
        if (text != null && !text.isNull()) {
            return SpreadsheetSafe.cell(text.asString());
        }
        var choices = answer.get("c");
        if (choices != null && choices.isArray()) {
            return SpreadsheetSafe.cell(
                    choices.valueStream().map(JsonNode::asString).collect(Collectors.joining(";")));
        }
        return number(answer, "v");
    }

    private static String number(JsonNode answer, String field) {
        if (answer == null || answer.get(field) == null || answer.get(field).isNull()) {
            return "";
        }
        return answer.get(field).asString();
    }

    private static void print(CSVPrinter printer, List<Object> row) {
        try {
            printer.printRecord(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
