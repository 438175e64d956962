package org.opencxm.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Workspaces (tenants): creating one and reading or changing its settings. */
@Service
public class Workspaces {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Workspaces(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional
    public Workspace create(String name, Locale defaultLocale, ZoneId timeZone) {
        var id = new WorkspaceId(Ids.next());
        jdbc.sql("insert into workspace (id, name, default_locale, time_zone) values (?, ?, ?, ?)")
                .params(id.value(), name, defaultLocale.getLanguage(), timeZone.getId())
                .update();
        events.publishEvent(new WorkspaceCreated(id, name));
        return get(id);
    }

    @Transactional(readOnly = true)
    public Workspace get(WorkspaceId id) {
        return jdbc.sql("select * from workspace where id = ?")
                .param(id.value())
                .query(Workspaces::map)
                .optional()
                .orElseThrow(() -> new NotFoundException("workspace", id));
    }

    @Transactional
    public Workspace update(WorkspaceId id, WorkspaceSettings settings) {
        int updated = jdbc.sql("update workspace set name = ?, default_locale = ?, time_zone = ? where id = ?")
                .params(settings.name().strip(), settings.defaultLocale(), settings.timeZone(), id.value())
                .update();
        if (updated == 0) {
            throw new NotFoundException("workspace", id);
        }
        return get(id);
    }

    @Transactional(readOnly = true)
    public boolean none() {
        return jdbc.sql("select not exists (select 1 from workspace)")
                .query(Boolean.class)
                .single();
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
