package org.opencxm.touchpoints;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencxm.platform.Department;
import org.opencxm.platform.Ids;
import org.opencxm.platform.InvalidInputException;
import org.opencxm.platform.NotFoundException;
import org.opencxm.platform.WorkspaceCreated;
import org.opencxm.platform.WorkspaceId;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The touchpoint registry of a workspace. */
@Service
public class Touchpoints {

    private static final String COLUMNS =
            "workspace_id, id, key, name, channel, department, cost_per_contact, active, created_at";

    private final JdbcClient jdbc;

    Touchpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every workspace starts with "unassigned", in the same transaction that creates it. */
    @EventListener
    void on(WorkspaceCreated event) {
        jdbc.sql("insert into touchpoint (workspace_id, id, key, name, channel, department)"
                        + " values (?, ?, ?, 'Unassigned', 'OTHER', 'MANAGEMENT')")
                .params(event.workspaceId().value(), Ids.next(), Touchpoint.UNASSIGNED)
                .update();
    }

    @Transactional(readOnly = true)
    public List<Touchpoint> list(WorkspaceId workspace) {
        return jdbc.sql("select " + COLUMNS + " from touchpoint where workspace_id = ? order by key = ?, lower(name)")
                .params(workspace.value(), Touchpoint.UNASSIGNED)
                .query(Touchpoints::map)
                .list();
    }

    @Transactional(readOnly = true)
    public Touchpoint get(WorkspaceId workspace, TouchpointId id) {
        return jdbc.sql("select " + COLUMNS + " from touchpoint where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value())
                .query(Touchpoints::map)
                .optional()
                .orElseThrow(() -> new NotFoundException("touchpoint", id));
    }

    @Transactional(readOnly = true)
    public Optional<Touchpoint> findByKey(WorkspaceId workspace, String key) {
        return jdbc.sql("select " + COLUMNS + " from touchpoint where workspace_id = ? and key = ?")
                .params(workspace.value(), key)
                .query(Touchpoints::map)
                .optional();
    }

    @Transactional
    public Touchpoint create(WorkspaceId workspace, TouchpointDraft draft) {
        var id = new TouchpointId(Ids.next());
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
        return get(workspace, id);
    }

    /** The key of "unassigned" stays, so that events keep finding it. */
    @Transactional
    public Touchpoint update(WorkspaceId workspace, TouchpointId id, TouchpointDraft draft) {
        var before = get(workspace, id);
        if (before.unassigned() && !draft.key().equals(Touchpoint.UNASSIGNED)) {
            throw new InvalidInputException("key", "validation.touchpoint.unassignedKey");
        }
        try {
            jdbc.sql("update touchpoint set key = ?, name = ?, channel = ?, department = ?, cost_per_contact = ?,"
                            + " active = ? where workspace_id = ? and id = ?")
                    .params(
                            draft.key(),
                            draft.name().strip(),
                            draft.channel().name(),
                            draft.department().name(),
                            draft.costPerContact(),
                            draft.active() || before.unassigned(),
                            workspace.value(),
                            id.value())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("key", "validation.touchpoint.keyTaken");
        }
        return get(workspace, id);
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
