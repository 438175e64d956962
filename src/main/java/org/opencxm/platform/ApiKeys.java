package org.opencxm.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.opencxm.platform.common.Secrets;
import org.opencxm.platform.internal.ApiKeyStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells which active key a token belongs to: the REST API's management tokens here, the
 * collection API's write keys in the touchpoints module. Creating and revoking keys is the
 * admins' business and stays inside the platform.
 */
@Service
public class ApiKeys {

    /** Last use is recorded at most this often, so authenticating stays read-mostly. */
    private static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

    private final ApiKeyStore store;
    private final Clock clock;

    ApiKeys(ApiKeyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The workspace's write keys, active first, for pages that name them (never their tokens). */
    @Transactional(readOnly = true)
    public List<ApiKey> writeKeys(WorkspaceId workspace) {
        return store.list(workspace).stream()
                .filter(key -> key.kind() == ApiKeyKind.WRITE)
                .toList();
    }

    /** The active key of the given kind that this token belongs to. */
    @Transactional
    public Optional<ApiKey> authenticate(String token, ApiKeyKind kind) {
        if (!token.startsWith(kind.tokenPrefix())) {
            return Optional.empty();
        }
        var key = store.findActive(Secrets.hash(token), kind);
        key.ifPresent(found -> {
            var now = clock.instant();
            if (found.lastUsedAt() == null || found.lastUsedAt().isBefore(now.minus(LAST_USE_RESOLUTION))) {
                store.recordUse(found.workspaceId(), found.id(), now);
            }
        });
        return key;
    }
}
