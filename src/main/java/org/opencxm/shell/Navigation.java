package org.opencxm.shell;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.opencxm.platform.Role;
import org.springframework.stereotype.Component;

/** The areas of OpenCXM in the order the lifecycle of CX work suggests: collect, listen, measure, act, steer. */
@Component
class Navigation {

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);

    private final List<Area> areas = List.of(
            new Area("customers", "/customers", EnumSet.of(Role.ADMIN, Role.CX_MANAGER, Role.AGENT, Role.MARKETING)),
            new Area("journeys", "/journeys", EVERYONE),
            new Area("feedback", "/feedback", EVERYONE),
            new Area("analytics", null, EVERYONE),
            new Area("cases", "/cases", EVERYONE),
            new Area("automation", null, EVERYONE),
            new Area("retention", null, EVERYONE),
            new Area("segments", null, EVERYONE),
            new Area("strategy", null, EVERYONE),
            new Area("privacy", null, EVERYONE),
            new Area("settings", "/settings/workspace", EnumSet.of(Role.ADMIN)));

    List<Area> visibleTo(Role role) {
        return areas.stream().filter(area -> area.roles().contains(role)).toList();
    }
}
