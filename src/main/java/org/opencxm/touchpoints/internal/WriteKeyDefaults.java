package org.opencxm.touchpoints.internal;

import org.opencxm.platform.ApiKeyCreated;
import org.opencxm.platform.ApiKeyKind;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.touchpoints.TouchpointId;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the touchpoint an admin named for a new write key. Listens inside the transaction that
 * creates the key, so an unknown touchpoint refuses the key with a field error instead of
 * leaving a key whose events would have nowhere to go.
 */
@Component
class WriteKeyDefaults {

    private final TouchpointStore touchpoints;
    private final WriteKeyStore store;

    WriteKeyDefaults(TouchpointStore touchpoints, WriteKeyStore store) {
        this.touchpoints = touchpoints;
        this.store = store;
    }

    @EventListener
    void on(ApiKeyCreated created) {
        var touchpoint = created.defaultTouchpoint();
        if (created.kind() != ApiKeyKind.WRITE || touchpoint == null) {
            return;
        }
        if (touchpoints
                .find(created.workspaceId(), new TouchpointId(touchpoint))
                .isEmpty()) {
            throw new InvalidInputException("touchpointId", "validation.apiKey.touchpointUnknown");
        }
        store.bind(created.workspaceId(), created.apiKeyId(), touchpoint);
    }
}
