package org.opencxm.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users of a workspace: invitation, roles and departments, disabling, language. */
@Service
public class Users {

    static final Duration INVITATION_VALIDITY = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;

    Users(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** Creates a user who can sign in at once with the given password (first admin, demo users). */
    @Transactional
    public UserAccount create(WorkspaceId workspace, NewUser user, String password) {
        PasswordPolicy.check(password);
        var id = insert(workspace, user);
        jdbc.sql("update app_user set password_hash = ? where workspace_id = ? and id = ?")
                .params(passwords.encode(password), workspace.value(), id.value())
                .update();
        return get(workspace, id);
    }

    /** Creates a user who sets a password by following the invitation link. */
    @Transactional
    public Invitation invite(WorkspaceId workspace, NewUser user) {
        var id = insert(workspace, user);
        var token = Secrets.token("inv_");
        var expiresAt = clock.instant().plus(INVITATION_VALIDITY);
        jdbc.sql("update app_user set invitation_hash = ?, invitation_expires_at = ? where workspace_id = ? and id = ?")
                .params(Secrets.hash(token), java.sql.Timestamp.from(expiresAt), workspace.value(), id.value())
                .update();
        return new Invitation(get(workspace, id), token, expiresAt);
    }

    /** The invited user, if the token is valid and not yet used or expired. */
    @Transactional(readOnly = true)
    public Optional<UserAccount> findByInvitation(String token) {
        return jdbc.sql("select " + UserRows.COLUMNS
                        + " from app_user where invitation_hash = ? and invitation_expires_at > ? and enabled")
                .params(Secrets.hash(token), java.sql.Timestamp.from(clock.instant()))
                .query(UserRows::account)
                .optional();
    }

    @Transactional
    public UserAccount acceptInvitation(String token, String password) {
        var user = findByInvitation(token).orElseThrow(() -> new NotFoundException("invitation", "token"));
        PasswordPolicy.check(password);
        jdbc.sql("update app_user set password_hash = ?, invitation_hash = null, invitation_expires_at = null"
                        + " where workspace_id = ? and id = ?")
                .params(
                        passwords.encode(password),
                        user.workspaceId().value(),
                        user.id().value())
                .update();
        return get(user.workspaceId(), user.id());
    }

    @Transactional(readOnly = true)
    public ResultPage<UserAccount> list(WorkspaceId workspace, Paging paging, @Nullable String search) {
        String pattern = search == null || search.isBlank() ? "%" : SqlText.containing(search.strip());
        var where = " from app_user where workspace_id = ? and (email ilike ? or display_name ilike ?)";
        long total = jdbc.sql("select count(*)" + where)
                .params(workspace.value(), pattern, pattern)
                .query(Long.class)
                .single();
        var items = jdbc.sql(
                        "select " + UserRows.COLUMNS + where + " order by lower(display_name), id limit ? offset ?")
                .params(workspace.value(), pattern, pattern, paging.size(), paging.offset())
                .query(UserRows::account)
                .list();
        return new ResultPage<>(items, paging.page(), paging.size(), total);
    }

    @Transactional(readOnly = true)
    public UserAccount get(WorkspaceId workspace, UserId id) {
        return jdbc.sql("select " + UserRows.COLUMNS + " from app_user where workspace_id = ? and id = ?")
                .params(workspace.value(), id.value())
                .query(UserRows::account)
                .optional()
                .orElseThrow(() -> new NotFoundException("user", id));
    }

    @Transactional
    public UserAccount update(WorkspaceId workspace, UserId id, UserChanges changes) {
        var before = get(workspace, id);
        boolean losesAdmin =
                before.role() == Role.ADMIN && before.enabled() && (changes.role() != Role.ADMIN || !changes.enabled());
        if (losesAdmin && enabledAdmins(workspace) <= 1) {
            throw new InvalidInputException("role", "validation.user.lastAdmin");
        }
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
        return get(workspace, id);
    }

    @Transactional
    public void changeLocale(WorkspaceId workspace, UserId id, Locale locale) {
        jdbc.sql("update app_user set locale = ? where workspace_id = ? and id = ?")
                .params(locale.getLanguage(), workspace.value(), id.value())
                .update();
    }

    private UserId insert(WorkspaceId workspace, NewUser user) {
        var id = new UserId(Ids.next());
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
        return id;
    }

    private long enabledAdmins(WorkspaceId workspace) {
        return jdbc.sql("select count(*) from app_user where workspace_id = ? and role = 'ADMIN' and enabled")
                .param(workspace.value())
                .query(Long.class)
                .single();
    }
}
