package org.opencxm.feedback.internal;

import java.security.SecureRandom;
import org.opencxm.platform.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The workspace's feedback settings and its key for personal links; created with defaults on first use. */
@Component
class SettingsStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    SettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    FeedbackSettings settings(WorkspaceId workspace) {
        ensure(workspace);
        return jdbc.sql("select invitation_gap_days, reminder_after_days, link_valid_days, require_email_opt_in"
                        + " from feedback_settings where workspace_id = ?")
                .param(workspace.value())
                .query((rs, n) -> new FeedbackSettings(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4)))
                .single();
    }

    void save(WorkspaceId workspace, FeedbackSettings settings) {
        ensure(workspace);
        jdbc.sql("update feedback_settings set invitation_gap_days = ?, reminder_after_days = ?, link_valid_days = ?,"
                        + " require_email_opt_in = ? where workspace_id = ?")
                .params(
                        settings.invitationGapDays(),
                        settings.reminderAfterDays(),
                        settings.linkValidDays(),
                        settings.requireEmailOptIn(),
                        workspace.value())
                .update();
    }

    byte[] tokenKey(WorkspaceId workspace) {
        ensure(workspace);
        return jdbc.sql("select token_key from feedback_settings where workspace_id = ?")
                .param(workspace.value())
                .query(byte[].class)
                .single();
    }

    /** The survey resolved cases follow up with, once there is one. */
    java.util.Optional<java.util.UUID> followUpSurvey(WorkspaceId workspace) {
        ensure(workspace);
        return jdbc.sql("select follow_up_survey_id from feedback_settings where workspace_id = ?"
                        + " and follow_up_survey_id is not null")
                .param(workspace.value())
                .query((rs, n) -> rs.getObject(1, java.util.UUID.class))
                .optional();
    }

    /** The follow-up survey, with the settings' row locked until the transaction ends. */
    java.util.Optional<java.util.UUID> lockFollowUpSurvey(WorkspaceId workspace) {
        ensure(workspace);
        jdbc.sql("select 1 from feedback_settings where workspace_id = ? for update")
                .param(workspace.value())
                .query(Integer.class)
                .list();
        return followUpSurvey(workspace);
    }

    void followUpSurvey(WorkspaceId workspace, java.util.UUID survey) {
        ensure(workspace);
        jdbc.sql("update feedback_settings set follow_up_survey_id = ? where workspace_id = ?")
                .params(survey, workspace.value())
                .update();
    }

    private void ensure(WorkspaceId workspace) {
        var exists = jdbc.sql("select exists (select 1 from feedback_settings where workspace_id = ?)")
                .param(workspace.value())
                .query(Boolean.class)
                .single();
        if (exists) {
            return;
        }
        var key = new byte[32];
        RANDOM.nextBytes(key);
        jdbc.sql("insert into feedback_settings (workspace_id, token_key) values (?, ?) on conflict do nothing")
                .params(workspace.value(), key)
                .update();
    }
}
