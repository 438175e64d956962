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
 * The SQL of {@code membership}: who works in which workspace, under which name, with which
 * role and department, and whether they may. Users as admins see them join the account for the
 * e-mail, language and last sign-in.
 */
@Component
public class MembershipStore {

    /**
     * Until someone accepts, the workspace learns nothing of their account: not their language,
     * not when they last signed in elsewhere.
     */
    private static final String USERS = "select m.workspace_id, m.account_id, a.email, m.display_name, m.role,"
            + " m.department, case when m.invitation_hash is null then a.locale end as locale, m.enabled,"
            + " (a.invitation_hash is not null or m.invitation_hash is not null) as invitation_pending, m.created_at,"
            + " case when m.invitation_hash is null then a.last_login_at end as last_login_at"
            + " from membership m join account a on a.id = m.account_id";

    /** A person's standing in a workspace they may work in now, as signing in needs it. */
    public record Member(String displayName, Role role, Department department, ZoneId timeZone) {}

    private final JdbcClient jdbc;

    MembershipStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(WorkspaceId workspace, UserId account, String displayName, Role role, Department department) {
        try {
            jdbc.sql("insert into membership (workspace_id, account_id, display_name, role, department)"
                            + " values (?, ?, ?, ?, ?)")
                    .params(workspace.value(), account.value(), displayName.strip(), role.name(), department.name())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("email", "validation.user.alreadyMember");
        }
    }

    /** A membership that grants nothing until the person accepts it, signed in as themselves. */
    void insertInvited(
            WorkspaceId workspace,
            UserId account,
            String displayName,
            Role role,
            Department department,
            String invitationHash,
            Instant expiresAt) {
        insert(workspace, account, displayName, role, department);
        jdbc.sql("update membership set invitation_hash = ?, invitation_expires_at = ?"
                        + " where workspace_id = ? and account_id = ?")
                .params(invitationHash, Timestamp.from(expiresAt), workspace.value(), account.value())
                .update();
    }

    /** The membership an unexpired invitation offers, in a workspace that is not archived. */
    Optional<UserAccount> findByInvitation(String invitationHash, Instant now) {
        return jdbc.sql(USERS + " join workspace w on w.id = m.workspace_id and w.archived_at is null"
                        + " where m.invitation_hash = ? and m.invitation_expires_at > ? and m.enabled")
                .params(invitationHash, Timestamp.from(now))
                .query(MembershipStore::user)
                .optional();
    }

    void accept(WorkspaceId workspace, UserId account) {
        jdbc.sql("update membership set invitation_hash = null, invitation_expires_at = null"
                        + " where workspace_id = ? and account_id = ?")
                .params(workspace.value(), account.value())
                .update();
    }

    ResultPage<UserAccount> list(WorkspaceId workspace, Paging paging, @Nullable String search) {
        var where = SqlConditions.where("m.workspace_id = ?", workspace.value());
        if (search != null && !search.isBlank()) {
            var pattern = SqlText.containing(search.strip());
            where = where.and("(a.email ilike ? or m.display_name ilike ?)", pattern, pattern);
        }
        long total = jdbc.sql("select count(*) from membership m join account a on a.id = m.account_id" + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
        var items = jdbc.sql(USERS + where.sql() + " order by lower(m.display_name), m.account_id limit ? offset ?")
                .params(where.paramsAnd(paging.size(), paging.offset()))
                .query(MembershipStore::user)
                .list();
        return new ResultPage<>(items, paging.page(), paging.size(), total);
    }

    Optional<UserAccount> find(WorkspaceId workspace, UserId id) {
        return jdbc.sql(USERS + " where m.workspace_id = ? and m.account_id = ?")
                .params(workspace.value(), id.value())
                .query(MembershipStore::user)
                .optional();
    }

    void update(WorkspaceId workspace, UserId id, UserChanges changes) {
        jdbc.sql("update membership set display_name = ?, role = ?, department = ?, enabled = ?"
                        + " where workspace_id = ? and account_id = ?")
                .params(
                        changes.displayName().strip(),
                        changes.role().name(),
                        changes.department().name(),
                        changes.enabled(),
                        workspace.value(),
                        id.value())
                .update();
    }

    long enabledAdmins(WorkspaceId workspace) {
        return jdbc.sql("select count(*) from membership where workspace_id = ? and role = 'ADMIN' and enabled"
                        + " and invitation_hash is null")
                .param(workspace.value())
                .query(Long.class)
                .single();
    }

    /** The membership, if enabled, accepted and in a workspace that is not archived. */
    public Optional<Member> active(WorkspaceId workspace, UserId account) {
        return jdbc.sql("select m.display_name, m.role, m.department, w.time_zone from membership m"
                        + " join workspace w on w.id = m.workspace_id"
                        + " where m.workspace_id = ? and m.account_id = ? and m.enabled and m.invitation_hash is null"
                        + " and w.archived_at is null")
                .params(workspace.value(), account.value())
                .query((rs, row) -> new Member(
                        rs.getString(1),
                        Role.valueOf(rs.getString(2)),
                        Department.valueOf(rs.getString(3)),
                        ZoneId.of(rs.getString(4))))
                .optional();
    }

    /** Where a person works when the workspace they used last is gone: the oldest active membership. */
    public Optional<WorkspaceId> firstActive(UserId account) {
        return jdbc.sql("select m.workspace_id from membership m join workspace w on w.id = m.workspace_id"
                        + " where m.account_id = ? and m.enabled and m.invitation_hash is null"
                        + " and w.archived_at is null order by w.demo, m.created_at, m.workspace_id limit 1")
                .param(account.value())
                .query((rs, row) -> new WorkspaceId(rs.getObject(1, UUID.class)))
                .optional();
    }

    private static UserAccount user(ResultSet rs, int row) throws SQLException {
        var locale = rs.getString("locale");
        return new UserAccount(
                new UserId(rs.getObject("account_id", UUID.class)),
                new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                rs.getString("email"),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                Department.valueOf(rs.getString("department")),
                locale == null ? null : Locale.forLanguageTag(locale),
                rs.getBoolean("enabled"),
                rs.getBoolean("invitation_pending"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("last_login_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * The members who may work now (enabled, invitation accepted), with the roles given, of the
     * department given or of any: e-mail and chosen language, for notifying them.
     */
    public java.util.List<Contact> contacts(
            WorkspaceId workspace, java.util.Collection<Role> roles, @Nullable Department department) {
        var where = SqlConditions.where("m.workspace_id = ?", workspace.value())
                .and("m.enabled and m.invitation_hash is null and a.password_hash is not null")
                .and("m.role = any(?)", (Object) roles.stream().map(Role::name).toArray(String[]::new));
        if (department != null) {
            where = where.and("m.department = ?", department.name());
        }
        return jdbc.sql("select m.account_id, m.display_name, a.email, a.locale from membership m"
                        + " join account a on a.id = m.account_id" + where.sql() + " order by m.display_name")
                .params(where.params())
                .query((rs, n) -> new Contact(
                        new UserId(rs.getObject(1, UUID.class)),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4) == null ? null : Locale.forLanguageTag(rs.getString(4))))
                .list();
    }

    /** A member to notify; {@code locale} is the one they chose, if they did. */
    public record Contact(
            UserId id, String name, String email, @Nullable Locale locale) {}
}
