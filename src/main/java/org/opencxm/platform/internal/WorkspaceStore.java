package org.opencxm.platform.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.opencxm.platform.UserId;
import org.opencxm.platform.Workspace;
import org.opencxm.platform.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of {@code workspace}, and the lock that lets nodes starting together take turns at the first start. */
@Component
public class WorkspaceStore {

    private static final long FIRST_START_LOCK = 0x0C3A_0001L;
    private static final String COLUMNS =
            "w.id, w.name, w.default_locale, w.time_zone, w.created_at, w.demo, w.archived_at";

    private final JdbcClient jdbc;

    WorkspaceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(WorkspaceId id, String name, Locale defaultLocale, ZoneId timeZone, boolean demo) {
        jdbc.sql("insert into workspace (id, name, default_locale, time_zone, demo) values (?, ?, ?, ?, ?)")
                .params(id.value(), name, defaultLocale.getLanguage(), timeZone.getId(), demo)
                .update();
    }

    public Optional<Workspace> find(WorkspaceId id) {
        return jdbc.sql("select " + COLUMNS + " from workspace w where id = ?")
                .param(id.value())
                .query(WorkspaceStore::map)
                .optional();
    }

    /** Every workspace of the installation, archived ones last. */
    public List<Workspace> all() {
        return jdbc.sql("select " + COLUMNS
                        + " from workspace w order by w.archived_at nulls first, lower(w.name), w.id")
                .query(WorkspaceStore::map)
                .list();
    }

    /** The workspaces a person may work in now: an enabled membership, not archived; demo ones last. */
    public List<Workspace> of(UserId account) {
        return jdbc.sql("select " + COLUMNS + " from workspace w join membership m on m.workspace_id = w.id"
                        + " where m.account_id = ? and m.enabled and m.invitation_hash is null and w.archived_at is null"
                        + " order by w.demo, lower(w.name), w.id")
                .param(account.value())
                .query(WorkspaceStore::map)
                .list();
    }

    /** @return whether the workspace exists */
    public boolean update(WorkspaceId id, String name, Locale defaultLocale, ZoneId timeZone) {
        return jdbc.sql("update workspace set name = ?, default_locale = ?, time_zone = ? where id = ?")
                        .params(name, defaultLocale.getLanguage(), timeZone.getId(), id.value())
                        .update()
                == 1;
    }

    /** Sets or clears the archive date; @return whether the workspace exists */
    public boolean archive(WorkspaceId id, Instant at) {
        return jdbc.sql("update workspace set archived_at = coalesce(archived_at, ?) where id = ?")
                        .params(Timestamp.from(at), id.value())
                        .update()
                == 1;
    }

    /**
     * Whether an installation admin who can sign in has an accepted membership in another active
     * workspace. Call within the archiving transaction: it holds a lock until that ends.
     */
    public boolean installationAdminWorksOutside(WorkspaceId id) {
        // archivings queue here, so that two at once cannot each leave the other's admins outside
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('workspace-archiving', 0))")
                .query((rs, n) -> 1)
                .list();
        return jdbc.sql("select exists (select 1 from account a join membership m on m.account_id = a.id"
                        + " join workspace w on w.id = m.workspace_id where a.installation_admin"
                        + " and a.password_hash is not null and m.enabled and m.invitation_hash is null"
                        + " and w.archived_at is null and w.id <> ?)")
                .param(id.value())
                .query(Boolean.class)
                .single();
    }

    public boolean restore(WorkspaceId id) {
        return jdbc.sql("update workspace set archived_at = null where id = ?")
                        .param(id.value())
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
        var archived = rs.getTimestamp("archived_at");
        return new Workspace(
                new WorkspaceId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                Locale.forLanguageTag(rs.getString("default_locale")),
                ZoneId.of(rs.getString("time_zone")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getBoolean("demo"),
                archived == null ? null : archived.toInstant());
    }
}
