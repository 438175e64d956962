package org.opencxm.touchpoints.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opencxm.platform.Department;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.touchpoints.Channel;
import org.opencxm.touchpoints.Touchpoint;
import org.opencxm.touchpoints.TouchpointDraft;
import org.opencxm.touchpoints.TouchpointId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of {@code touchpoint}. A key is unique within its workspace. */
@Component
public class TouchpointStore {

    private static final String COLUMNS =
            "workspace_id, id, key, name, channel, department, cost_per_contact, active, created_at";

    private final JdbcClient jdbc;

    TouchpointStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Touchpoint> list(WorkspaceId workspace) {
        return jdbc.sql("select " + COLUMNS + " from touchpoint where workspace_id = ? order by key = ?, lower(name)")
                .params(workspace.value(), Touchpoint.UNASSIGNED)
                .query(TouchpointStore::map)
                .list();
    }

    public Optional<Touchpoint> find(WorkspaceId workspace, TouchpointId id) {
        return jdbc.sql("select " + COLUMNS + " from touchpoint where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value())
                .query(TouchpointStore::map)
                .optional();
    }

    public Optional<Touchpoint> findByKey(WorkspaceId workspace, String key) {
        return jdbc.sql("select " + COLUMNS + " from touchpoint where workspace_id = ? and key = ?")
                .params(workspace.value(), key)
                .query(TouchpointStore::map)
                .optional();
    }

    /** @throws InvalidInputException when the key is taken */
    public void insert(WorkspaceId workspace, TouchpointId id, TouchpointDraft draft) {
        try {
            jdbc.sql("insert into touchpoint (workspace_id, id, key, name, channel, department, cost_per_contact,"
                            + " active) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            workspace.value(),
                            id.value(),
                            draft.key(),
                            draft.name().strip(),
                            draft.channel().name(),
                            draft.department().name(),
                            draft.costPerContact(),
                            draft.active())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("key", "validation.touchpoint.keyTaken");
        }
    }

    /** @throws InvalidInputException when the key is taken */
    public void update(WorkspaceId workspace, TouchpointId id, TouchpointDraft draft) {
        try {
            jdbc.sql("update touchpoint set key = ?, name = ?, channel = ?, department = ?, cost_per_contact = ?,"
                            + " active = ? where workspace_id = ? and id = ?")
                    .params(
                            draft.key(),
                            draft.name().strip(),
                            draft.channel().name(),
                            draft.department().name(),
                            draft.costPerContact(),
                            draft.active(),
                            workspace.value(),
                            id.value())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("key", "validation.touchpoint.keyTaken");
        }
    }

    /** Key → id of the active touchpoints, which events may name. */
    Map<String, UUID> activeKeys(WorkspaceId workspace) {
        return jdbc
                .sql("select key, id from touchpoint where workspace_id = ? and active")
                .param(workspace.value())
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getObject(2, UUID.class)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Touchpoint map(ResultSet rs, int row) throws SQLException {
        return new Touchpoint(
                new TouchpointId(rs.getObject("id", UUID.class)),
                new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                rs.getString("key"),
                rs.getString("name"),
                Channel.valueOf(rs.getString("channel")),
                Department.valueOf(rs.getString("department")),
                rs.getBigDecimal("cost_per_contact"),
                rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant());
    }
}
