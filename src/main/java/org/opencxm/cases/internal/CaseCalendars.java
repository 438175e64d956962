package org.opencxm.cases.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opencxm.cases.Severity;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.Workspaces;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service levels of each workspace: its {@link CaseSettings} (working week and hours,
 * holidays of its country and state, targets per severity) in its time zone; without settings of
 * its own, the installation's defaults ({@code opencxm.cases.holidays.country}, {@code .region};
 * Germany's national holidays). Calendars are built once per distinct settings and zone.
 */
@Component
public class CaseCalendars {

    private record Key(ZoneId zone, CaseSettings settings) {}

    private final Workspaces workspaces;
    private final CaseSettingsStore store;
    private final Clock clock;
    private final CaseSettings defaults;
    private final Map<Key, ServiceLevels> built = new ConcurrentHashMap<>();

    CaseCalendars(
            Workspaces workspaces,
            CaseSettingsStore store,
            Clock clock,
            @Value("${opencxm.cases.holidays.country:DE}") String country,
            @Value("${opencxm.cases.holidays.region:}") String region,
            @Value("${opencxm.cases.silence-days:3}") int silenceDays) {
        this.workspaces = workspaces;
        this.store = store;
        this.clock = clock;
        var installation = CaseSettings.defaults(country, region);
        // a country or state jollyday does not know fails the start, not every case
        var targets = new java.util.EnumMap<Severity, ServiceLevels.Targets>(Severity.class);
        installation
                .targets()
                .forEach((severity, t) -> targets.put(
                        severity, new ServiceLevels.Targets(t.firstResponse(), t.resolutionDays(), silenceDays)));
        this.defaults = new CaseSettings(
                        installation.country(),
                        installation.region(),
                        installation.dayStart(),
                        installation.dayEnd(),
                        installation.workingDays(),
                        false,
                        targets)
                .check();
    }

    public ServiceLevels of(WorkspaceId workspace) {
        var zone = workspaces.get(workspace).timeZone();
        var settings = settings(workspace);
        return built.computeIfAbsent(
                new Key(zone, settings), key -> new ServiceLevels(settings.calendar(zone), settings.targets()));
    }

    /** The workspace's settings, or the installation's defaults. */
    public CaseSettings settings(WorkspaceId workspace) {
        return store.find(workspace).orElse(defaults);
    }

    /** Checks and keeps the workspace's settings; cases opened from now on are due by them. */
    @Transactional
    public CaseSettings save(WorkspaceId workspace, CaseSettings changed) {
        var checked = changed.check();
        store.save(workspace, checked, clock.instant());
        return checked;
    }
}
