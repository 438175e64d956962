package org.opencxm.touchpoints;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.touchpoints.internal.CollectionRejected;
import org.opencxm.touchpoints.internal.WriteKeyAuthentication;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Write keys for endpoints beside the collection API that websites call with the same key
 * (the survey widget): they authenticate exactly as collection requests do, cache included.
 */
@Service
public class WriteKeys {

    private final WriteKeyAuthentication authentication;

    WriteKeys(WriteKeyAuthentication authentication) {
        this.authentication = authentication;
    }

    /**
     * The workspace of the active write key the request carries (HTTP Basic user name, or {@code
     * writeKey} in the body); empty when it carries none or one that is unknown or revoked.
     */
    public Optional<WorkspaceId> workspace(@Nullable String authorization, JsonNode body) {
        try {
            return Optional.of(authentication.authenticate(authorization, body).workspaceId());
        } catch (CollectionRejected e) {
            return Optional.empty();
        }
    }
}
