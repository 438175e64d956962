package org.opencxm.touchpoints;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import org.opencxm.platform.ApiKey;
import org.opencxm.platform.ApiKeyKind;
import org.opencxm.platform.ApiKeys;
import org.opencxm.platform.WorkspaceId;
import org.springframework.stereotype.Component;

/**
 * Remembers write keys and touchpoint maps for a few seconds, so that a collection request costs
 * one database statement instead of four. The price: a revoked key or a changed touchpoint takes
 * effect on each node within {@link #TTL}.
 */
@Component
class CollectionCache {

    static final Duration TTL = Duration.ofSeconds(5);

    private final ApiKeys apiKeys;
    private final TouchpointResolver touchpoints;
    private final Cache<String, Optional<ApiKey>> keys =
            Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(10_000).build();
    private final Cache<WorkspaceId, TouchpointResolver.Attribution> attributions =
            Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(10_000).build();

    CollectionCache(ApiKeys apiKeys, TouchpointResolver touchpoints) {
        this.apiKeys = apiKeys;
        this.touchpoints = touchpoints;
    }

    Optional<ApiKey> writeKey(String token) {
        return keys.get(token, t -> apiKeys.authenticate(t, ApiKeyKind.WRITE));
    }

    TouchpointResolver.Attribution attribution(ApiKey key) {
        var workspace = attributions.get(key.workspaceId(), w -> touchpoints.forWorkspace(w, null));
        return key.touchpointId() == null ? workspace : workspace.withFallback(key.touchpointId());
    }
}
