package org.opencxm.platform.security;

import java.time.Clock;
import java.time.Duration;
import org.opencxm.platform.internal.UserStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Brute-force protection: after {@code opencxm.security.max-failed-logins} consecutive wrong
 * passwords the account is locked for {@code opencxm.security.lockout}. Each later failure
 * locks it again, so an attacker gets one guess per lock-out period. Kept in the database so
 * that every node of a cluster sees the same count.
 */
@Component
class LoginThrottle {

    private final UserStore users;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    LoginThrottle(
            UserStore users,
            Clock clock,
            @Value("${opencxm.security.max-failed-logins}") int maxFailures,
            @Value("${opencxm.security.lockout}") Duration lockout) {
        this.users = users;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        users.recordFailedLogin(
                event.getAuthentication().getName(),
                maxFailures,
                clock.instant().plus(lockout));
    }

    @EventListener
    void on(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SignedInUser user) {
            users.recordLogin(user.actor().workspaceId(), user.actor().userId(), clock.instant());
        }
    }
}
