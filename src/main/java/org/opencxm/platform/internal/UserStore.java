package org.opencxm.platform.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.Actor;
import org.opencxm.platform.Department;
import org.opencxm.platform.Role;
import org.opencxm.platform.UserId;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.common.Paging;
import org.opencxm.platform.common.ResultPage;
import org.opencxm.platform.common.SqlConditions;
import org.opencxm.platform.common.SqlText;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of {@code app_user}: accounts as admins see them, and the sign-in side (password hash,
 * last sign-in), which never leaves the platform's security code.
 */
@Component
public class UserStore {

    private static final String COLUMNS = "workspace_id, id, email, display_name, role, department, locale, enabled,"
            + " invitation_hash is not null as invitation_pending, created_at, last_login_at";

    private static final String LOGIN = "select u.workspace_id, u.id, u.email, u.display_name, u.role, u.department,"
            + " u.locale, u.enabled, u.password_hash, w.time_zone"
            + " from app_user u join workspace w on w.id = u.workspace_id";

    /** What signing in needs to know about an account. */
    public record Login(Actor actor, String email, @Nullable String passwordHash, boolean enabled) {}

    private final JdbcClient jdbc;

    UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(WorkspaceId workspace, UserId id, NewUser user) {
        try {
            jdbc.sql("insert into app_user (workspace_id, id, email, display_name, role, department)"
                            + " values (?, ?, ?, ?, ?, ?)")
                    .params(
                            workspace.value(),
                            id.value(),
                            user.email().strip(),
                            user.displayName().strip(),
                            user.role().name(),
                            user.department().name())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("email", "validation.user.emailTaken");
        }
    }

    void setPassword(WorkspaceId workspace, UserId id, String passwordHash) {
        jdbc.sql("update app_user set password_hash = ?, invitation_hash = null, invitation_expires_at = null"
                        + " where workspace_id = ? and id = ?")
                .params(passwordHash, workspace.value(), id.value())
                .update();
    }

    void setInvitation(WorkspaceId workspace, UserId id, String tokenHash, Instant expiresAt) {
        jdbc.sql("update app_user set invitation_hash = ?, invitation_expires_at = ? where workspace_id = ? and id = ?")
                .params(tokenHash, Timestamp.from(expiresAt), workspace.value(), id.value())
                .update();
    }

    Optional<UserAccount> findByInvitation(String tokenHash, Instant now) {
        return jdbc.sql("select " + COLUMNS
                        + " from app_user where invitation_hash = ? and invitation_expires_at > ? and enabled")
                .params(tokenHash, Timestamp.from(now))
                .query(UserStore::account)
                .optional();
    }

    ResultPage<UserAccount> list(WorkspaceId workspace, Paging paging, @Nullable String search) {
        var where = SqlConditions.where("workspace_id = ?", workspace.value());
        if (search != null && !search.isBlank()) {
            var pattern = SqlText.containing(search.strip());
            where = where.and("(email ilike ? or display_name ilike ?)", pattern, pattern);
        }
        long total = jdbc.sql("select count(*) from app_user" + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
        var items = jdbc.sql("select " + COLUMNS + " from app_user" + where.sql()
                        + " order by lower(display_name), id limit ? offset ?")
                .params(where.paramsAnd(paging.size(), paging.offset()))
                .query(UserStore::account)
                .list();
        return new ResultPage<>(items, paging.page(), paging.size(), total);
    }

    Optional<UserAccount> find(WorkspaceId workspace, UserId id) {
        return jdbc.sql("select " + COLUMNS + " from app_user where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value())
                .query(UserStore::account)
                .optional();
    }

    void update(WorkspaceId workspace, UserId id, UserChanges changes) {
        jdbc.sql("update app_user set display_name = ?, role = ?, department = ?, enabled = ?"
                        + " where workspace_id = ? and id = ?")
                .params(
                        changes.displayName().strip(),
                        changes.role().name(),
                        changes.department().name(),
                        changes.enabled(),
                        workspace.value(),
                        id.value())
                .update();
    }

    void changeLocale(WorkspaceId workspace, UserId id, Locale locale) {
        jdbc.sql("update app_user set locale = ? where workspace_id = ? and id = ?")
                .params(locale.getLanguage(), workspace.value(), id.value())
                .update();
    }

    long enabledAdmins(WorkspaceId workspace) {
        return jdbc.sql("select count(*) from app_user where workspace_id = ? and role = 'ADMIN' and enabled")
                .param(workspace.value())
                .query(Long.class)
                .single();
    }

    public Optional<Login> login(String email) {
        return jdbc.sql(LOGIN + " where lower(u.email) = lower(?)")
                .param(email.strip())
                .query(UserStore::login)
                .optional();
    }

    public Optional<Login> login(WorkspaceId workspace, UserId id) {
        return jdbc.sql(LOGIN + " where u.workspace_id = ? and u.id = ?")
                .params(workspace.value(), id.value())
                .query(UserStore::login)
                .optional();
    }

    public void recordLogin(WorkspaceId workspace, UserId id, Instant at) {
        jdbc.sql("update app_user set last_login_at = ?" + " where workspace_id = ? and id = ?")
                .params(Timestamp.from(at), workspace.value(), id.value())
                .update();
    }

    private static UserAccount account(ResultSet rs, int row) throws SQLException {
        return new UserAccount(
                new UserId(rs.getObject("id", UUID.class)),
                new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                rs.getString("email"),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                Department.valueOf(rs.getString("department")),
                locale(rs.getString("locale")),
                rs.getBoolean("enabled"),
                rs.getBoolean("invitation_pending"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("last_login_at")));
    }

    private static Login login(ResultSet rs, int row) throws SQLException {
        var actor = new Actor(
                new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                new UserId(rs.getObject("id", UUID.class)),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                Department.valueOf(rs.getString("department")),
                locale(rs.getString("locale")),
                ZoneId.of(rs.getString("time_zone")));
        return new Login(actor, rs.getString("email"), rs.getString("password_hash"), rs.getBoolean("enabled"));
    }

    private static @Nullable Locale locale(@Nullable String tag) {
        return tag == null ? null : Locale.forLanguageTag(tag);
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
