package org.opencxm.touchpoints.internal;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.touchpoints.Touchpoint;
import org.springframework.stereotype.Component;

/**
 * Attributes each event to a touchpoint: the active touchpoint its context names, else the
 * write key's (or the import's) touchpoint, else "unassigned".
 */
@Component
class TouchpointResolver {

    private final TouchpointStore store;

    TouchpointResolver(TouchpointStore store) {
        this.store = store;
    }

    /** @param preferred the touchpoint for events that name none, else "unassigned" */
    Attribution forWorkspace(WorkspaceId workspace, @Nullable UUID preferred) {
        var fallback = preferred != null
                ? preferred
                : store.findByKey(workspace, Touchpoint.UNASSIGNED)
                        .orElseThrow()
                        .id()
                        .value();
        return new Attribution(store.activeKeys(workspace), fallback);
    }

    record Attribution(Map<String, UUID> active, UUID fallback) {

        Attribution withFallback(UUID touchpoint) {
            return new Attribution(active, touchpoint);
        }

        UUID of(CollectedEvent event) {
            @Nullable UUID named = event.touchpointKey() == null ? null : active.get(event.touchpointKey());
            return named != null ? named : fallback;
        }
    }
}
