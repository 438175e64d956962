package org.opencxm.touchpoints.internal;

import java.util.Optional;
import java.util.UUID;
import org.opencxm.platform.ApiKeyId;
import org.opencxm.platform.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of {@code write_key_touchpoint}: which touchpoint a write key's events count for by default. */
@Component
class WriteKeyStore {

    private final JdbcClient jdbc;

    WriteKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void bind(WorkspaceId workspace, ApiKeyId key, UUID touchpoint) {
        jdbc.sql("insert into write_key_touchpoint (workspace_id, api_key_id, touchpoint_id) values (?, ?, ?)")
                .params(workspace.value(), key.value(), touchpoint)
                .update();
    }

    Optional<UUID> touchpoint(WorkspaceId workspace, ApiKeyId key) {
        return jdbc.sql("select touchpoint_id from write_key_touchpoint where workspace_id = ? and api_key_id = ?")
                .params(workspace.value(), key.value())
                .query(UUID.class)
                .optional();
    }
}
