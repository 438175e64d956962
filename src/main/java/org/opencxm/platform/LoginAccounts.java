package org.opencxm.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads sign-in accounts by e-mail (at login) and by id (on every request of a session). */
@Component
class LoginAccounts implements UserDetailsService {

    private static final String SELECT = "select u.workspace_id, u.id, u.email, u.display_name, u.role, u.department,"
            + " u.locale, u.enabled, u.password_hash, u.locked_until, w.time_zone"
            + " from app_user u join workspace w on w.id = u.workspace_id";

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginAccounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public SignedInUser loadUserByUsername(String email) {
        return jdbc.sql(SELECT + " where lower(u.email) = lower(?)")
                .param(email.strip())
                .query(this::map)
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("unknown login"));
    }

    Optional<SignedInUser> reload(Actor actor) {
        if (actor.userId() == null) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where u.workspace_id = ? and u.id = ?")
                .params(actor.workspaceId().value(), actor.userId().value())
                .query(this::map)
                .optional();
    }

    private SignedInUser map(ResultSet rs, int row) throws SQLException {
        String locale = rs.getString("locale");
        var actor = new Actor(
                new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                new UserId(rs.getObject("id", UUID.class)),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                Department.valueOf(rs.getString("department")),
                locale == null ? null : Locale.forLanguageTag(locale),
                ZoneId.of(rs.getString("time_zone")));
        return new SignedInUser(
                actor,
                rs.getString("email"),
                rs.getString("password_hash"),
                rs.getBoolean("enabled"),
                UserRows.instant(rs.getTimestamp("locked_until")),
                clock.instant());
    }
}
