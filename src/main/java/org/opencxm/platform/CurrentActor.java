package org.opencxm.platform;

import java.util.Optional;
import org.opencxm.platform.security.SignedInUser;
import org.springframework.security.core.context.SecurityContextHolder;

/** The actor of the current request, for code that cannot declare an {@link Actor} parameter. */
public final class CurrentActor {

    private CurrentActor() {}

    public static Optional<Actor> get() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof SignedInUser user) {
            return Optional.of(user.actor());
        }
        if (authentication.getPrincipal() instanceof Actor actor) {
            return Optional.of(actor);
        }
        return Optional.empty();
    }

    /** Whether the caller may manage the installation's workspaces, besides their role where they are. */
    public static boolean isInstallationAdmin() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(authority -> Role.INSTALLATION_ADMIN_AUTHORITY.equals(authority.getAuthority()));
    }
}
