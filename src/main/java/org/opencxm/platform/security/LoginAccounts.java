package org.opencxm.platform.security;

import java.util.Optional;
import org.opencxm.platform.Actor;
import org.opencxm.platform.internal.UserStore;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads sign-in accounts by e-mail (at login) and by id (on every request of a session). */
@Component
class LoginAccounts implements UserDetailsService {

    private final UserStore users;

    LoginAccounts(UserStore users) {
        this.users = users;
    }

    @Override
    public SignedInUser loadUserByUsername(String email) {
        return users.login(email).map(this::signedIn).orElseThrow(() -> new UsernameNotFoundException("unknown login"));
    }

    Optional<SignedInUser> reload(Actor actor) {
        if (actor.userId() == null) {
            return Optional.empty();
        }
        return users.login(actor.workspaceId(), actor.userId()).map(this::signedIn);
    }

    private SignedInUser signedIn(UserStore.Login login) {
        return new SignedInUser(login.actor(), login.email(), login.passwordHash(), login.enabled());
    }
}
