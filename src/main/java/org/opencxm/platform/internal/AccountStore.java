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
import org.opencxm.platform.UserId;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.InvalidInputException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of {@code account}: one per person and installation, whatever workspaces they work
 * in. The sign-in side (password hash, invitation) never leaves the platform's own code.
 */
@Component
public class AccountStore {

    private static final String SIGN_IN =
            "select id, email, password_hash, locale, time_zone, installation_admin, last_workspace_id from account";

    /** What signing in needs to know about a person. */
    public record SignIn(
            UserId id,
            String email,
            @Nullable String passwordHash,
            @Nullable Locale locale,
            @Nullable ZoneId timeZone,
            boolean installationAdmin,
            @Nullable WorkspaceId lastWorkspace) {}

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UserId id, String email) {
        try {
            jdbc.sql("insert into account (id, email) values (?, ?)")
                    .params(id.value(), email.strip())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("email", "validation.user.emailTaken");
        }
    }

    Optional<UserId> findByEmail(String email) {
        return jdbc.sql("select id from account where lower(email) = lower(?)")
                .param(email.strip())
                .query((rs, row) -> new UserId(rs.getObject(1, UUID.class)))
                .optional();
    }

    public Optional<SignIn> signIn(String email) {
        return jdbc.sql(SIGN_IN + " where lower(email) = lower(?)")
                .param(email.strip())
                .query(AccountStore::signIn)
                .optional();
    }

    public Optional<SignIn> signIn(UserId id) {
        return jdbc.sql(SIGN_IN + " where id = ?")
                .param(id.value())
                .query(AccountStore::signIn)
                .optional();
    }

    /** Holds the account's row until the transaction ends, so that its requests are counted one after another. */
    void lock(UserId id) {
        jdbc.sql("select id from account where id = ? for update")
                .param(id.value())
                .query()
                .listOfRows();
    }

    void setPassword(UserId id, String passwordHash) {
        jdbc.sql("update account set password_hash = ?, invitation_hash = null, invitation_expires_at = null"
                        + " where id = ?")
                .params(passwordHash, id.value())
                .update();
    }

    /** The invitation leads into {@code workspace}, where the person signs in first. */
    void setInvitation(UserId id, String tokenHash, Instant expiresAt, WorkspaceId workspace) {
        jdbc.sql("update account set invitation_hash = ?, invitation_expires_at = ?, last_workspace_id = ?"
                        + " where id = ?")
                .params(tokenHash, Timestamp.from(expiresAt), workspace.value(), id.value())
                .update();
    }

    /** The invited person and the workspace the invitation leads into, while it is valid. */
    Optional<SignIn> findByInvitation(String tokenHash, Instant now) {
        return jdbc.sql(SIGN_IN + " where invitation_hash = ? and invitation_expires_at > ?")
                .params(tokenHash, Timestamp.from(now))
                .query(AccountStore::signIn)
                .optional();
    }

    void changeLocale(UserId id, Locale locale) {
        jdbc.sql("update account set locale = ? where id = ?")
                .params(locale.getLanguage(), id.value())
                .update();
    }

    /** The person's own time zone, or none to read times in the workspace's. */
    void changeTimeZone(UserId id, @Nullable ZoneId zone) {
        jdbc.sql("update account set time_zone = ? where id = ?")
                .params(zone == null ? null : zone.getId(), id.value())
                .update();
    }

    public void recordLogin(UserId id, WorkspaceId workspace, Instant at) {
        jdbc.sql("update account set last_login_at = ?, last_workspace_id = ? where id = ?")
                .params(Timestamp.from(at), workspace.value(), id.value())
                .update();
    }

    /** Where the person signs in next time. */
    public void rememberWorkspace(UserId id, WorkspaceId workspace) {
        jdbc.sql("update account set last_workspace_id = ? where id = ?")
                .params(workspace.value(), id.value())
                .update();
    }

    void makeInstallationAdmin(UserId id) {
        jdbc.sql("update account set installation_admin = true where id = ?")
                .param(id.value())
                .update();
    }

    private static SignIn signIn(ResultSet rs, int row) throws SQLException {
        var locale = rs.getString("locale");
        var last = rs.getObject("last_workspace_id", UUID.class);
        var zone = rs.getString("time_zone");
        return new SignIn(
                new UserId(rs.getObject("id", UUID.class)),
                rs.getString("email"),
                rs.getString("password_hash"),
                locale == null ? null : Locale.forLanguageTag(locale),
                zone == null ? null : ZoneId.of(zone),
                rs.getBoolean("installation_admin"),
                last == null ? null : new WorkspaceId(last));
    }
}
