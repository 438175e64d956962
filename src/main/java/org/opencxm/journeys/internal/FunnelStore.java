package org.opencxm.journeys.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.UserId;
import org.opencxm.platform.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of {@code journey_funnel}: the funnels a workspace saved. */
@Component
class FunnelStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The definition as stored: everything but the name, which has its own column. */
    private record Stored(List<String> steps, int windowDays, FunnelOrder order) {}

    private final JdbcClient jdbc;

    FunnelStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SavedFunnel> list(WorkspaceId workspace) {
        return jdbc.sql("select id, name, definition::text, updated_at from journey_funnel where workspace_id = ?"
                        + " order by lower(name), id")
                .param(workspace.value())
                .query(FunnelStore::funnel)
                .list();
    }

    Optional<SavedFunnel> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select id, name, definition::text, updated_at from journey_funnel"
                        + " where workspace_id = ? and id = ?")
                .params(workspace.value(), id)
                .query(FunnelStore::funnel)
                .optional();
    }

    void insert(WorkspaceId workspace, UUID id, FunnelDefinition definition, @Nullable UserId by, Instant at) {
        jdbc.sql("insert into journey_funnel (workspace_id, id, name, definition, created_by, created_at, updated_at)"
                        + " values (?, ?, ?, ?::jsonb, ?, ?, ?)")
                .params(
                        workspace.value(),
                        id,
                        definition.name(),
                        json(definition),
                        by == null ? null : by.value(),
                        Timestamp.from(at),
                        Timestamp.from(at))
                .update();
    }

    boolean update(WorkspaceId workspace, UUID id, FunnelDefinition definition, Instant at) {
        return jdbc.sql("update journey_funnel set name = ?, definition = ?::jsonb, updated_at = ?"
                                + " where workspace_id = ? and id = ?")
                        .params(definition.name(), json(definition), Timestamp.from(at), workspace.value(), id)
                        .update()
                == 1;
    }

    boolean delete(WorkspaceId workspace, UUID id) {
        return jdbc.sql("delete from journey_funnel where workspace_id = ? and id = ?")
                        .params(workspace.value(), id)
                        .update()
                == 1;
    }

    private static String json(FunnelDefinition definition) {
        return JSON.writeValueAsString(new Stored(definition.steps(), definition.windowDays(), definition.order()));
    }

    private static SavedFunnel funnel(ResultSet rs, int row) throws SQLException {
        var stored = JSON.readValue(rs.getString(3), Stored.class);
        return new SavedFunnel(
                rs.getObject(1, UUID.class),
                new FunnelDefinition(rs.getString(2), stored.steps(), stored.windowDays(), stored.order()),
                rs.getTimestamp(4).toInstant());
    }
}
