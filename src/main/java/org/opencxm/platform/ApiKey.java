package org.opencxm.platform;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An API key as listed; the secret itself is shown only once, at creation.
 *
 * @param tokenPrefix the first characters of the token, so admins can tell keys apart
 * @param role what a management token may do; {@code null} for write keys
 * @param installation an admin token that may also manage workspaces, made by an installation
 *     admin; it manages them only while its maker still is one
 * @param serverSide a write key kept on a server: its messages may also set e-mail, phone and
 *     consent; a public one (the default, as it sits in web pages) may not
 */
public record ApiKey(
        ApiKeyId id,
        WorkspaceId workspaceId,
        ApiKeyKind kind,
        String name,
        String tokenPrefix,
        @Nullable Role role,
        Instant createdAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt,
        boolean installation,
        boolean serverSide) {

    public boolean active() {
        return revokedAt == null;
    }
}
