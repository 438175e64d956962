package org.opencxm.touchpoints;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Attributes each event to a touchpoint: the active touchpoint its context names, else the
 * write key's (or the import's) touchpoint, else "unassigned".
 */
@Component
class TouchpointResolver {

    private final JdbcClient jdbc;

    TouchpointResolver(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param preferred the touchpoint for events that name none, else "unassigned" */
    Attribution forWorkspace(WorkspaceId workspace, @Nullable UUID preferred) {
        Map<String, UUID> active = jdbc
                .sql("select key, id from touchpoint where workspace_id = ? and active")
                .param(workspace.value())
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getObject(2, UUID.class)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        var unassigned = jdbc.sql("select id from touchpoint where workspace_id = ? and key = ?")
                .params(workspace.value(), Touchpoint.UNASSIGNED)
                .query(UUID.class)
                .single();
        var fallback = preferred != null ? preferred : unassigned;
        return new Attribution(active, fallback);
    }

    record Attribution(Map<String, UUID> active, UUID fallback) {

        Attribution withFallback(UUID touchpoint) {
            return new Attribution(active, touchpoint);
        }

        UUID of(CollectedEvent event) {
            @Nullable UUID named = event.touchpointKey() == null ? null : active.get(event.touchpointKey());
            return named != null ? named : fallback;
        }
    }
}
