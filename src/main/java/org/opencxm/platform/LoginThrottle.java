package org.opencxm.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    LoginThrottle(
            JdbcClient jdbc,
            Clock clock,
            @Value("${opencxm.security.max-failed-logins}") int maxFailures,
            @Value("${opencxm.security.lockout}") Duration lockout) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        jdbc.sql("update app_user set failed_logins = failed_logins + 1,"
                        + " locked_until = case when failed_logins + 1 >= ? then ? else locked_until end"
                        + " where lower(email) = lower(?)")
                .params(
                        maxFailures,
                        Timestamp.from(clock.instant().plus(lockout)),
                        event.getAuthentication().getName().strip())
                .update();
    }

    @EventListener
    void on(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SignedInUser user) {
            var actor = user.actor();
            jdbc.sql("update app_user set failed_logins = 0, locked_until = null, last_login_at = ?"
                            + " where workspace_id = ? and id = ?")
                    .params(
                            Timestamp.from(clock.instant()),
                            actor.workspaceId().value(),
                            actor.userId().value())
                    .update();
        }
    }

    long lockoutMinutes() {
        return lockout.toMinutes();
    }
}
