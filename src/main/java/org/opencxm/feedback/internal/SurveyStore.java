package org.opencxm.feedback.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencxm.feedback.SurveyId;
import org.opencxm.platform.LifecycleStage;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.touchpoints.TouchpointId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Surveys in the database; the definition is stored as one JSON document. */
@Component
class SurveyStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "workspace_id, id, public_key, name, status, default_language, touchpoint_id,"
            + " lifecycle_stage, definition::text as definition, widget::text as widget, created_at, updated_at";

    private final JdbcClient jdbc;

    /**
     * Surveys by public key for the answering pages, which ask for them on every request. A
     * change reaches this node's cache at once and other nodes' within 5 seconds.
     */
    private final Cache<String, Optional<Survey>> byPublicKey = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(5))
            .maximumSize(10_000)
            .build();

    SurveyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Survey> cachedByPublicKey(String publicKey) {
        return byPublicKey.get(publicKey, this::findByPublicKey);
    }

    List<Survey> list(WorkspaceId workspace) {
        return jdbc.sql("select " + COLUMNS + " from survey where workspace_id = ? order by created_at desc")
                .param(workspace.value())
                .query(SurveyStore::map)
                .list();
    }

    Optional<Survey> find(WorkspaceId workspace, SurveyId id) {
        return jdbc.sql("select " + COLUMNS + " from survey where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value())
                .query(SurveyStore::map)
                .optional();
    }

    Optional<Survey> findByPublicKey(String publicKey) {
        return jdbc.sql("select " + COLUMNS + " from survey where public_key = ?")
                .param(publicKey)
                .query(SurveyStore::map)
                .optional();
    }

    /** Inserts the survey, or writes its changes over the stored one; the public key never changes. */
    void save(Survey survey) {
        byPublicKey.invalidateAll();
        jdbc.sql("insert into survey (workspace_id, id, public_key, name, status, default_language, touchpoint_id,"
                        + " lifecycle_stage, definition, widget, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)"
                        + " on conflict (workspace_id, id) do update set name = excluded.name, status = excluded.status,"
                        + " default_language = excluded.default_language, touchpoint_id = excluded.touchpoint_id,"
                        + " lifecycle_stage = excluded.lifecycle_stage, definition = excluded.definition,"
                        + " widget = excluded.widget, updated_at = excluded.updated_at")
                .params(
                        survey.workspaceId().value(),
                        survey.id().value(),
                        survey.publicKey(),
                        survey.name(),
                        survey.status().name(),
                        survey.defaultLanguage(),
                        survey.touchpointId() == null
                                ? null
                                : survey.touchpointId().value(),
                        survey.stage() == null ? null : survey.stage().name(),
                        JSON.writeValueAsString(survey.definition()),
                        JSON.writeValueAsString(survey.widget()),
                        Timestamp.from(survey.createdAt()),
                        Timestamp.from(survey.updatedAt()))
                .update();
    }

    private static Survey map(ResultSet rs, int row) throws SQLException {
        var touchpoint = rs.getObject("touchpoint_id", UUID.class);
        var stage = rs.getString("lifecycle_stage");
        return new Survey(
                new SurveyId(rs.getObject("id", UUID.class)),
                new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                rs.getString("public_key"),
                rs.getString("name"),
                SurveyStatus.valueOf(rs.getString("status")),
                rs.getString("default_language"),
                touchpoint == null ? null : new TouchpointId(touchpoint),
                stage == null ? null : LifecycleStage.valueOf(stage),
                JSON.readValue(rs.getString("definition"), SurveyDefinition.class),
                JSON.readValue(rs.getString("widget"), WidgetSettings.class),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
