package org.opencxm.touchpoints.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.ApiKeyId;
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
public class CollectionCache {

    static final Duration TTL = Duration.ofSeconds(5);

    /**
     * An active write key, with the touchpoint its events count for when they name none, and
     * whether it is kept on a server (see {@link Sender}).
     */
    public record WriteKey(
            WorkspaceId workspaceId, ApiKeyId id, @Nullable UUID defaultTouchpoint, boolean serverSide) {}

    private final ApiKeys apiKeys;
    private final WriteKeyStore defaults;
    private final TouchpointResolver touchpoints;
    private final Cache<String, Optional<WriteKey>> keys =
            Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(10_000).build();
    private final Cache<WorkspaceId, TouchpointResolver.Attribution> attributions =
            Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(10_000).build();

    CollectionCache(ApiKeys apiKeys, WriteKeyStore defaults, TouchpointResolver touchpoints) {
        this.apiKeys = apiKeys;
        this.defaults = defaults;
        this.touchpoints = touchpoints;
    }

    public Optional<WriteKey> writeKey(String token) {
        return keys.get(
                token,
                t -> apiKeys.authenticate(t, ApiKeyKind.WRITE)
                        .map(key -> new WriteKey(
                                key.workspaceId(),
                                key.id(),
                                defaults.touchpoint(key.workspaceId(), key.id()).orElse(null),
                                key.serverSide())));
    }

    TouchpointResolver.Attribution attribution(WriteKey key) {
        var attribution = attributions.get(key.workspaceId(), w -> touchpoints.forWorkspace(w, null));
        return key.defaultTouchpoint() == null ? attribution : attribution.withFallback(key.defaultTouchpoint());
    }
}
