package org.opencxm.platform.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.ApiKey;
import org.opencxm.platform.ApiKeyId;
import org.opencxm.platform.ApiKeyKind;
import org.opencxm.platform.Role;
import org.opencxm.platform.UserId;
import org.opencxm.platform.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of {@code api_key}. Keys are found by the hash of their token, never by the token. */
@Component
public class ApiKeyStore {

    private static final String COLUMNS =
            "workspace_id, id, kind, name, token_prefix, role, created_at, last_used_at, revoked_at, installation,"
                    + " server_side";

    private final JdbcClient jdbc;

    ApiKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            WorkspaceId workspace,
            ApiKeyId id,
            NewApiKey key,
            String tokenPrefix,
            String tokenHash,
            @Nullable UserId createdBy,
            boolean installation) {
        jdbc.sql("insert into api_key (workspace_id, id, kind, name, token_prefix, token_hash, role, created_by,"
                        + " installation, server_side) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        workspace.value(),
                        id.value(),
                        key.kind().name(),
                        key.name().strip(),
                        tokenPrefix,
                        tokenHash,
                        key.role() == null ? null : key.role().name(),
                        createdBy == null ? null : createdBy.value(),
                        installation,
                        key.serverSide())
                .update();
    }

    public List<ApiKey> list(WorkspaceId workspace) {
        return jdbc.sql("select " + COLUMNS + " from api_key where workspace_id = ?"
                        + " order by revoked_at is not null, created_at desc")
                .param(workspace.value())
                .query(ApiKeyStore::map)
                .list();
    }

    Optional<ApiKey> find(WorkspaceId workspace, ApiKeyId id) {
        return jdbc.sql("select " + COLUMNS + " from api_key where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value())
                .query(ApiKeyStore::map)
                .optional();
    }

    void revoke(WorkspaceId workspace, ApiKeyId id, Instant at) {
        jdbc.sql("update api_key set revoked_at = coalesce(revoked_at, ?) where workspace_id = ? and id = ?")
                .params(Timestamp.from(at), workspace.value(), id.value())
                .update();
    }

    /**
     * The one installation-wide look-up: a token names its workspace. A key stops working with
     * the person who made it (once their membership is disabled) and with its workspace (once it
     * is archived); an installation token manages workspaces only while its maker is an
     * installation admin.
     */
    public Optional<ApiKey> findActive(String tokenHash, ApiKeyKind kind) {
        return jdbc.sql("select k.workspace_id, k.id, k.kind, k.name, k.token_prefix, k.role, k.created_at,"
                        + " k.last_used_at, k.revoked_at, k.installation and exists (select 1 from account a"
                        + " where a.id = k.created_by and a.installation_admin) as installation, k.server_side"
                        + " from api_key k join workspace w on w.id = k.workspace_id and w.archived_at is null"
                        + " where k.token_hash = ? and k.kind = ? and k.revoked_at is null"
                        + " and (k.created_by is null or exists (select 1 from membership m"
                        + " where m.workspace_id = k.workspace_id and m.account_id = k.created_by and m.enabled"
                        + " and m.invitation_hash is null))")
                .params(tokenHash, kind.name())
                .query(ApiKeyStore::map)
                .optional();
    }

    void changeAccess(WorkspaceId workspace, ApiKeyId id, boolean serverSide) {
        jdbc.sql("update api_key set server_side = ? where workspace_id = ? and id = ? and kind = 'WRITE'")
                .params(serverSide, workspace.value(), id.value())
                .update();
    }

    public void recordUse(WorkspaceId workspace, ApiKeyId id, Instant at) {
        jdbc.sql("update api_key set last_used_at = ? where workspace_id = ? and id = ?")
                .params(Timestamp.from(at), workspace.value(), id.value())
                .update();
    }

    private static ApiKey map(ResultSet rs, int row) throws SQLException {
        String role = rs.getString("role");
        return new ApiKey(
                new ApiKeyId(rs.getObject("id", UUID.class)),
                new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                ApiKeyKind.valueOf(rs.getString("kind")),
                rs.getString("name"),
                rs.getString("token_prefix"),
                role == null ? null : Role.valueOf(role),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("revoked_at")),
                rs.getBoolean("installation"),
                rs.getBoolean("server_side"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
