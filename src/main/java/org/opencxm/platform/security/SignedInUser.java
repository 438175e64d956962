package org.opencxm.platform.security;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.Actor;
import org.opencxm.platform.Role;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The principal of a browser session. */
public final class SignedInUser implements UserDetails, CredentialsContainer {

    /** Sessions hold this object serialized; a changed layout needs a migration that ends them (V11, V13). */
    @Serial
    private static final long serialVersionUID = 1L;

    private final Actor actor;
    private final String email;
    private @Nullable String passwordHash;
    private final boolean enabled;
    private final boolean installationAdmin;

    SignedInUser(Actor actor, String email, @Nullable String passwordHash, boolean enabled, boolean installationAdmin) {
        this.actor = actor;
        this.email = email;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.installationAdmin = installationAdmin;
    }

    /** May create, rename and archive workspaces, whichever workspace they are working in. */
    public boolean installationAdmin() {
        return installationAdmin;
    }

    public Actor actor() {
        return actor;
    }

    public @Nullable Locale preferredLocale() {
        return actor.preferredLocale();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        var role = new SimpleGrantedAuthority(actor.role().authority());
        return installationAdmin
                ? List.of(role, new SimpleGrantedAuthority(Role.INSTALLATION_ADMIN_AUTHORITY))
                : List.of(role);
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    /** Invited users who have not yet chosen a password cannot sign in either. */
    @Override
    public boolean isEnabled() {
        return enabled && passwordHash != null;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "SignedInUser[" + actor.userId() + "]";
    }
}
