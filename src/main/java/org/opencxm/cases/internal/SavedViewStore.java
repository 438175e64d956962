package org.opencxm.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencxm.platform.UserId;
import org.opencxm.platform.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of {@code case_saved_view}: each person's saved queue views. */
@Component
public class SavedViewStore {

    /** A saved view: its name and the queue's query string. */
    public record SavedView(UUID id, String name, String filters) {}

    private final JdbcClient jdbc;

    SavedViewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Saves the view, replacing the owner's view of that name. */
    public void save(WorkspaceId workspace, UserId owner, UUID id, String name, String filters, Instant at) {
        jdbc.sql("""
                        insert into case_saved_view (workspace_id, id, owner_id, name, filters, created_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (workspace_id, owner_id, name) do update set filters = excluded.filters""")
                .params(workspace.value(), id, owner.value(), name, filters, Timestamp.from(at))
                .update();
    }

    public List<SavedView> of(WorkspaceId workspace, UserId owner) {
        return jdbc.sql("select id, name, filters from case_saved_view where workspace_id = ? and owner_id = ?"
                        + " order by lower(name)")
                .params(workspace.value(), owner.value())
                .query((rs, n) -> new SavedView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** Deletes the owner's view; {@code false} if they have none of that id. */
    public boolean delete(WorkspaceId workspace, UserId owner, UUID id) {
        return jdbc.sql("delete from case_saved_view where workspace_id = ? and owner_id = ? and id = ?")
                        .params(workspace.value(), owner.value(), id)
                        .update()
                == 1;
    }
}
