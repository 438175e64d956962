package org.opencxm.journeys.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.UserId;
import org.opencxm.platform.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of {@code journey_rules}: each workspace's transition rules, one version at a time. */
@Component
class RuleStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    RuleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The rules as stored: everything but the version. */
    private record StoredRules(List<StageRule> rules, InactivityWindow inactivity) {}

    Optional<JourneyRules> rules(WorkspaceId workspace) {
        return jdbc.sql("select version, rules::text from journey_rules where workspace_id = ?")
                .param(workspace.value())
                .query((rs, n) -> {
                    var stored = JSON.readValue(rs.getString(2), StoredRules.class);
                    return new JourneyRules(rs.getInt(1), stored.rules(), stored.inactivity());
                })
                .optional();
    }

    /** Saves the rules if the stored version is still the one before them; returns whether it was. */
    boolean saveRules(WorkspaceId workspace, JourneyRules rules, Instant at, @Nullable UserId by) {
        var json = JSON.writeValueAsString(new StoredRules(rules.rules(), rules.inactivity()));
        return jdbc.sql("""
                        insert into journey_rules (workspace_id, version, rules, updated_at, updated_by)
                        values (?, ?, ?::jsonb, ?, ?)
                        on conflict (workspace_id) do update
                          set version = excluded.version, rules = excluded.rules, updated_at = excluded.updated_at,
                              updated_by = excluded.updated_by
                          where journey_rules.version = excluded.version - 1""")
                        .params(
                                workspace.value(),
                                rules.version(),
                                json,
                                Timestamp.from(at),
                                by == null ? null : by.value())
                        .update()
                == 1;
    }

    private static @Nullable Timestamp time(@Nullable Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
