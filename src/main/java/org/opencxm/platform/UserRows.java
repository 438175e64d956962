package org.opencxm.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Maps rows of {@code app_user}. */
final class UserRows {

    static final String COLUMNS = "workspace_id, id, email, display_name, role, department, locale, enabled,"
            + " invitation_hash is not null as invitation_pending, created_at, last_login_at";

    private UserRows() {}

    static UserAccount account(ResultSet rs, int row) throws SQLException {
        String locale = rs.getString("locale");
        return new UserAccount(
                new UserId(rs.getObject("id", UUID.class)),
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

    static java.time.@Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
