package org.opencxm.feedback.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencxm.feedback.SurveyId;
import org.opencxm.platform.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Event triggers and their watermarks: how far each has read the event stream. */
@Component
class TriggerStore {

    private static final String COLUMNS =
            "workspace_id, id, survey_id, event_name, delay_days, trait_name, trait_value, active, created_at, watermark,"
                    + " watermark_event";

    /** A trigger with the workspace it belongs to and its watermark. */
    record Scan(WorkspaceId workspace, SurveyTrigger trigger, Instant watermark, UUID watermarkEvent) {}

    private final JdbcClient jdbc;

    TriggerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(WorkspaceId workspace, SurveyTrigger trigger) {
        jdbc.sql("insert into survey_trigger (" + COLUMNS.replace(", watermark_event", "")
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        workspace.value(),
                        trigger.id().value(),
                        trigger.surveyId().value(),
                        trigger.eventName(),
                        trigger.delayDays(),
                        trigger.traitName(),
                        trigger.traitValue(),
                        trigger.active(),
                        Timestamp.from(trigger.createdAt()),
                        Timestamp.from(trigger.createdAt()))
                .update();
    }

    List<SurveyTrigger> ofSurvey(WorkspaceId workspace, SurveyId survey) {
        return jdbc.sql("select " + COLUMNS + " from survey_trigger where workspace_id = ? and survey_id = ?"
                        + " order by created_at")
                .params(workspace.value(), survey.value())
                .query((rs, n) -> map(rs))
                .list();
    }

    int deactivate(WorkspaceId workspace, SurveyId survey, TriggerId id) {
        return jdbc.sql("update survey_trigger set active = false where workspace_id = ? and survey_id = ? and id = ?")
                .params(workspace.value(), survey.value(), id.value())
                .update();
    }

    int deactivateAll(WorkspaceId workspace) {
        return jdbc.sql("update survey_trigger set active = false where workspace_id = ? and active")
                .param(workspace.value())
                .update();
    }

    /** The active trigger read longest ago, locked; other nodes take the next one. */
    Optional<Scan> nextToScan(Instant before) {
        return jdbc.sql("select " + COLUMNS + " from survey_trigger where active and watermark < ?"
                        + " order by watermark limit 1 for update skip locked")
                .param(Timestamp.from(before))
                .query((rs, n) -> new Scan(
                        new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                        map(rs),
                        rs.getTimestamp("watermark").toInstant(),
                        rs.getObject("watermark_event", UUID.class)))
                .optional();
    }

    void advance(WorkspaceId workspace, TriggerId id, Instant watermark, UUID event) {
        jdbc.sql("update survey_trigger set watermark = ?, watermark_event = ? where workspace_id = ? and id = ?")
                .params(Timestamp.from(watermark), event, workspace.value(), id.value())
                .update();
    }

    private static SurveyTrigger map(ResultSet rs) throws SQLException {
        return new SurveyTrigger(
                new TriggerId(rs.getObject("id", UUID.class)),
                new SurveyId(rs.getObject("survey_id", UUID.class)),
                rs.getString("event_name"),
                rs.getInt("delay_days"),
                rs.getString("trait_name"),
                rs.getString("trait_value"),
                rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant());
    }
}
