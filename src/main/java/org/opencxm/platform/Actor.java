package org.opencxm.platform;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Who is acting, in which workspace: a signed-in user or a management token. Controllers of
 * every module declare a parameter of this type; every query they make filters by {@link
 * #workspaceId()}.
 *
 * @param userId the user, or {@code null} when a management token acts
 * @param timeZone the time zone for showing times: the person's own if they chose one, else the
 *     workspace's (UTC for tokens: the API speaks UTC)
 */
public record Actor(
        WorkspaceId workspaceId,
        @Nullable UserId userId,
        String name,
        Role role,
        Department department,
        @Nullable Locale preferredLocale,
        ZoneId timeZone)
        implements Serializable {

    public boolean is(Role other) {
        return role == other;
    }
}
