package org.opencxm.platform.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.opencxm.platform.Workspace;
import org.opencxm.platform.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of {@code workspace}, and the lock that lets nodes starting together take turns at the first start. */
@Component
public class WorkspaceStore {

    private static final long FIRST_START_LOCK = 0x0C3A_0001L;

    private final JdbcClient jdbc;

    WorkspaceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(WorkspaceId id, String name, Locale defaultLocale, ZoneId timeZone) {
        jdbc.sql("insert into workspace (id, name, default_locale, time_zone) values (?, ?, ?, ?)")
                .params(id.value(), name, defaultLocale.getLanguage(), timeZone.getId())
                .update();
    }

    public Optional<Workspace> find(WorkspaceId id) {
        return jdbc.sql("select id, name, default_locale, time_zone, created_at from workspace where id = ?")
                .param(id.value())
                .query(WorkspaceStore::map)
                .optional();
    }

    /** @return whether the workspace exists */
    public boolean update(WorkspaceId id, String name, Locale defaultLocale, ZoneId timeZone) {
        return jdbc.sql("update workspace set name = ?, default_locale = ?, time_zone = ? where id = ?")
                        .params(name, defaultLocale.getLanguage(), timeZone.getId(), id.value())
                        .update()
                == 1;
    }

    boolean none() {
        return jdbc.sql("select not exists (select 1 from workspace)")
                .query(Boolean.class)
                .single();
    }

    /** Held until the transaction ends. */
    void lockFirstStart() {
        jdbc.sql("select pg_advisory_xact_lock(?)")
                .param(FIRST_START_LOCK)
                .query()
                .singleRow();
    }

    private static Workspace map(ResultSet rs, int row) throws SQLException {
        return new Workspace(
                new WorkspaceId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                Locale.forLanguageTag(rs.getString("default_locale")),
                ZoneId.of(rs.getString("time_zone")),
                rs.getTimestamp("created_at").toInstant());
    }
}
