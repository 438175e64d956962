package org.opencxm.platform.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.ApiKeyKind;
import org.opencxm.platform.Role;

/**
 * What an admin enters to create a key.
 *
 * @param role required for management tokens, not allowed for write keys
 * @param touchpointId optional default touchpoint of a write key
 * @param serverSide a write key that never leaves a server, see {@link
 *     org.opencxm.platform.ApiKey#serverSide()}; not allowed for management tokens
 */
public record NewApiKey(
        @NotNull ApiKeyKind kind,
        @NotBlank @Size(max = 120) String name,
        @Nullable Role role,
        @Nullable UUID touchpointId,
        Boolean serverSide) {

    /** Left out, a write key is public. */
    public NewApiKey {
        serverSide = Boolean.TRUE.equals(serverSide);
    }

    /** A public write key or a management token. */
    public NewApiKey(ApiKeyKind kind, String name, @Nullable Role role, @Nullable UUID touchpointId) {
        this(kind, name, role, touchpointId, false);
    }
}
