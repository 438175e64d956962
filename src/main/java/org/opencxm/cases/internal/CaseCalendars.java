package org.opencxm.cases.internal;

import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.Workspaces;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The service levels of each workspace: office hours in the workspace's time zone, with the
 * public holidays of the installation's country and state ({@code opencxm.cases.holidays.country},
 * {@code .region}; Germany's national holidays by default).
 */
@Component
public class CaseCalendars {

    private final Workspaces workspaces;
    private final String country;
    private final String region;
    private final Map<ZoneId, ServiceLevels> byZone = new ConcurrentHashMap<>();

    CaseCalendars(
            Workspaces workspaces,
            @Value("${opencxm.cases.holidays.country:DE}") String country,
            @Value("${opencxm.cases.holidays.region:}") String region) {
        this.workspaces = workspaces;
        this.country = country;
        this.region = region;
        // a country or state jollyday does not know fails the start, not every case
        BusinessCalendar.officeHours(ZoneId.of("UTC"), country, region);
    }

    public ServiceLevels of(WorkspaceId workspace) {
        var zone = workspaces.get(workspace).timeZone();
        return byZone.computeIfAbsent(zone, z -> new ServiceLevels(BusinessCalendar.officeHours(z, country, region)));
    }
}
