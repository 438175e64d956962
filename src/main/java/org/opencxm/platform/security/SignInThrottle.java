package org.opencxm.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Applies {@link SignInDelays}: asked before a password is checked, told of every wrong one and
 * every success. The address is the client's as Tomcat resolved it, which honours forwarded
 * headers only from the configured trusted proxies.
 */
@Component
class SignInThrottle {

    /** A day without failures forgets an address's count. */
    private static final Duration MEMORY = Duration.ofDays(1);

    private final SignInThrottleStore store;
    private final SignInDelays delays;
    private final Clock clock;

    SignInThrottle(SignInThrottleStore store, SignInProperties properties, Clock clock) {
        this.store = store;
        this.delays = new SignInDelays(properties);
        this.clock = clock;
    }

    SignInDelays.Decision check(String email, String address) {
        return delays.decide(store.blockedUntil(hash(email), address).orElse(null), clock.instant());
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            var login = hash(event.getAuthentication().getName());
            var now = clock.instant();
            int failures = store.countFailure(login, details.getRemoteAddress(), now);
            store.block(login, details.getRemoteAddress(), delays.blockedUntil(failures, now));
        }
    }

    @EventListener
    void on(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            store.forget(hash(event.getAuthentication().getName()), details.getRemoteAddress());
        }
    }

    @Scheduled(cron = "0 41 * * * *")
    void forgetOldCounts() {
        store.purge(clock.instant().minus(MEMORY));
    }

    /** The e-mail as sign-in compares it (trimmed, case ignored), hashed: attackers type anything. */
    static String hash(String email) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
