package org.opencxm.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** API keys of a workspace: created by admins, stored hashed, revocable. */
@Service
public class ApiKeys {

    /** Last use is recorded at most this often, so authenticating stays read-mostly. */
    private static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

    private static final String COLUMNS = "workspace_id, id, kind, name, token_prefix, role, touchpoint_id,"
            + " created_at, last_used_at, revoked_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public CreatedApiKey create(WorkspaceId workspace, NewApiKey request, @Nullable UserId createdBy) {
        boolean management = request.kind() == ApiKeyKind.MANAGEMENT;
        if (management && request.role() == null) {
            throw new InvalidInputException("role", "validation.apiKey.roleRequired");
        }
        if (!management && request.role() != null) {
            throw new InvalidInputException("role", "validation.apiKey.roleNotAllowed");
        }
        if (management && request.touchpointId() != null) {
            throw new InvalidInputException("touchpointId", "validation.apiKey.touchpointNotAllowed");
        }
        var id = new ApiKeyId(Ids.next());
        var token = Secrets.token(request.kind().tokenPrefix());
        jdbc.sql("insert into api_key (workspace_id, id, kind, name, token_prefix, token_hash, role, touchpoint_id,"
                        + " created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        workspace.value(),
                        id.value(),
                        request.kind().name(),
                        request.name().strip(),
                        token.substring(0, 10),
                        Secrets.hash(token),
                        request.role() == null ? null : request.role().name(),
                        request.touchpointId(),
                        createdBy == null ? null : createdBy.value())
                .update();
        return new CreatedApiKey(get(workspace, id), token);
    }

    @Transactional(readOnly = true)
    public List<ApiKey> list(WorkspaceId workspace) {
        return jdbc.sql("select " + COLUMNS + " from api_key where workspace_id = ?"
                        + " order by revoked_at is not null, created_at desc")
                .param(workspace.value())
                .query(ApiKeys::map)
                .list();
    }

    @Transactional(readOnly = true)
    public ApiKey get(WorkspaceId workspace, ApiKeyId id) {
        return jdbc.sql("select " + COLUMNS + " from api_key where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value())
                .query(ApiKeys::map)
                .optional()
                .orElseThrow(() -> new NotFoundException("api key", id));
    }

    @Transactional
    public ApiKey revoke(WorkspaceId workspace, ApiKeyId id) {
        var key = get(workspace, id);
        jdbc.sql("update api_key set revoked_at = coalesce(revoked_at, ?) where workspace_id = ? and id = ?")
                .params(Timestamp.from(clock.instant()), workspace.value(), id.value())
                .update();
        return get(workspace, key.id());
    }

    /** The active key of the given kind that this token belongs to. */
    @Transactional
    public Optional<ApiKey> authenticate(String token, ApiKeyKind kind) {
        if (!token.startsWith(kind.tokenPrefix())) {
            return Optional.empty();
        }
        var key = jdbc.sql(
                        "select " + COLUMNS + " from api_key where token_hash = ? and kind = ? and revoked_at is null")
                .params(Secrets.hash(token), kind.name())
                .query(ApiKeys::map)
                .optional();
        key.ifPresent(this::recordUse);
        return key;
    }

    private void recordUse(ApiKey key) {
        var now = clock.instant();
        if (key.lastUsedAt() == null || key.lastUsedAt().isBefore(now.minus(LAST_USE_RESOLUTION))) {
            jdbc.sql("update api_key set last_used_at = ? where workspace_id = ? and id = ?")
                    .params(
                            Timestamp.from(now),
                            key.workspaceId().value(),
                            key.id().value())
                    .update();
        }
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
                rs.getObject("touchpoint_id", UUID.class),
                rs.getTimestamp("created_at").toInstant(),
                UserRows.instant(rs.getTimestamp("last_used_at")),
                UserRows.instant(rs.getTimestamp("revoked_at")));
    }
}
