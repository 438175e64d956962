package org.opencxm.cases.internal;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Optional;
import java.util.stream.Collectors;
import org.opencxm.cases.Severity;
import org.opencxm.platform.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of {@code case_settings}: a workspace's service levels, if its admin set them. */
@Component
public class CaseSettingsStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    CaseSettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CaseSettings> find(WorkspaceId workspace) {
        return jdbc.sql("select country, region, day_start, day_end, working_days, reassign_on_breach, targets::text"
                        + " from case_settings where workspace_id = ?")
                .param(workspace.value())
                .query((rs, n) -> {
                    var targets = new EnumMap<Severity, ServiceLevels.Targets>(Severity.class);
                    var json = JSON.readTree(rs.getString(7));
                    for (var severity : Severity.values()) {
                        var pair = json.get(severity.name());
                        if (pair != null) {
                            targets.put(
                                    severity,
                                    new ServiceLevels.Targets(
                                            Duration.ofMinutes(pair.get(0).asLong()),
                                            pair.get(1).asInt(),
                                            pair.size() > 2 ? pair.get(2).asInt() : ServiceLevels.UPDATE_DAYS));
                        }
                    }
                    var days = EnumSet.noneOf(DayOfWeek.class);
                    Arrays.stream(rs.getString(5).split(","))
                            .map(DayOfWeek::valueOf)
                            .forEach(days::add);
                    return new CaseSettings(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getTime(3).toLocalTime(),
                            rs.getTime(4).toLocalTime(),
                            days,
                            rs.getBoolean(6),
                            targets);
                })
                .optional();
    }

    public void save(WorkspaceId workspace, CaseSettings settings, Instant at) {
        var targets = JSON.createObjectNode();
        for (var severity : Severity.values()) {
            var t = settings.targets(severity);
            targets.putArray(severity.name())
                    .add(t.firstResponse().toMinutes())
                    .add(t.resolutionDays())
                    .add(t.updateDays());
        }
        jdbc.sql("""
                        insert into case_settings (workspace_id, country, region, day_start, day_end, working_days,
                                                   reassign_on_breach, targets, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                        on conflict (workspace_id) do update set country = excluded.country, region = excluded.region,
                          day_start = excluded.day_start, day_end = excluded.day_end,
                          working_days = excluded.working_days, reassign_on_breach = excluded.reassign_on_breach,
                          targets = excluded.targets, updated_at = excluded.updated_at""")
                .params(
                        workspace.value(),
                        settings.country(),
                        settings.region(),
                        Time.valueOf(settings.dayStart()),
                        Time.valueOf(settings.dayEnd()),
                        settings.workingDays().stream().sorted().map(Enum::name).collect(Collectors.joining(",")),
                        settings.reassignOnBreach(),
                        targets.toString(),
                        Timestamp.from(at))
                .update();
    }
}
