package org.opencxm.touchpoints;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.opencxm.platform.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The identities that stored events revealed, oldest first, for whoever keeps profiles. Taking
 * them and acting on them is one transaction: if the consumer fails, they stay for the next
 * attempt; rows another node is working on are skipped, not waited for.
 */
@Service
public class IdentityFeed {

    private final JdbcClient jdbc;

    IdentityFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Hands up to {@code limit} observations to the consumer, grouped by workspace in the order
     * they were stored, and removes them once it returns.
     *
     * @return how many observations were handed out
     */
    @Transactional
    public int drain(int limit, BiConsumer<WorkspaceId, List<IdentityObservation>> consumer) {
        var rows = jdbc.sql("""
                        select workspace_id, id, type, anonymous_id, user_id, previous_id, traits, occurred_at
                        from identity_observation order by id limit ? for update skip locked""").param(limit).query(IdentityFeed::row).list();
        if (rows.isEmpty()) {
            return 0;
        }
        var byWorkspace = new LinkedHashMap<WorkspaceId, List<IdentityObservation>>();
        var ids = new ArrayList<Long>();
        for (var row : rows) {
            byWorkspace.computeIfAbsent(row.workspace(), w -> new ArrayList<>()).add(row.observation());
            ids.add(row.id());
        }
        byWorkspace.forEach(consumer);
        jdbc.sql("delete from identity_observation where id = any(?)")
                .param(ids.toArray(Long[]::new))
                .update();
        return rows.size();
    }

    private record Row(WorkspaceId workspace, long id, IdentityObservation observation) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                rs.getLong("id"),
                new IdentityObservation(
                        EventType.fromWire(rs.getString("type")),
                        rs.getString("anonymous_id"),
                        rs.getString("user_id"),
                        rs.getString("previous_id"),
                        rs.getString("traits"),
                        rs.getTimestamp("occurred_at").toInstant()));
    }
}
