package org.opencxm.platform.internal;

import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.Department;
import org.opencxm.platform.Role;
import org.opencxm.platform.UserId;
import org.opencxm.platform.WorkspaceId;

/** A user as admins see it; never carries the password hash. */
public record UserAccount(
        UserId id,
        WorkspaceId workspaceId,
        String email,
        String displayName,
        Role role,
        Department department,
        @Nullable Locale locale,
        boolean enabled,
        boolean invitationPending,
        Instant createdAt,
        @Nullable Instant lastLoginAt) {}
