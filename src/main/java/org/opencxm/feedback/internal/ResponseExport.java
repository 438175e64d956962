package org.opencxm.feedback.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVPrinter;
import org.opencxm.feedback.QuestionType;
import org.opencxm.feedback.SurveyId;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.NotFoundException;
import org.opencxm.platform.common.SpreadsheetSafe;
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

    private final SurveyStore surveys;
    private final ResponseStore responses;

    ResponseExport(SurveyStore surveys, ResponseStore responses) {
        this.surveys = surveys;
        this.responses = responses;
    }

    @Transactional(readOnly = true)
    public void write(
            WorkspaceId workspace,
            SurveyId id,
            ResponseFilter filter,
            SpreadsheetSafe.Dialect dialect,
            ZoneId zone,
            Writer out) {
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
        try {
            var printer = dialect.begin(out, header.toArray(String[]::new)).print(out);
            responses.eachWithAnswers(filter.of(workspace, id), rs -> {
                var row = new ArrayList<Object>();
                row.add(rs.getString(1));
                row.add(dialect.time(rs.getTimestamp(2).toInstant(), zone));
                row.add(dialect.time(
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(), zone));
                row.add(rs.getString(4));
                row.add(rs.getString(5));
                row.add(rs.getString(6) == null ? "" : rs.getString(6));
                row.add(rs.getString(7) == null ? "" : rs.getString(7));
                var answers = JSON.readTree(rs.getString(8));
                for (var question : questions) {
                    var answer = answers.get(question.id());
                    if (question.type() == QuestionType.EXPECTATION_GAP) {
                        row.add(dialect.number(number(answer, "i")));
                    }
                    row.add(cell(answer, dialect));
                }
                print(printer, row);
            });
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cell(JsonNode answer, SpreadsheetSafe.Dialect dialect) {
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
        return dialect.number(number(answer, "v"));
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
