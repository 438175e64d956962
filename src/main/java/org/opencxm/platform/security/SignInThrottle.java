package org.opencxm.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import org.opencxm.platform.common.RateLimits;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies {@link SignInDelays}. Every attempt counts as a failure before its password is checked,
 * and a success wipes the count: counting only after the check would let parallel guesses all
 * pass before the first failure is written. The address is the client's as Tomcat resolved it,
 * which honours forwarded headers only from the configured trusted proxies; an IPv6 client
 * counts by its /64, as one subscriber usually holds a whole /64.
 */
@Component
class SignInThrottle {

    /** A day without attempts forgets an address's count. */
    private static final Duration MEMORY = Duration.ofDays(1);

    private final SignInThrottleStore store;
    private final SignInDelays delays;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SignInThrottle(
            SignInThrottleStore store,
            SignInProperties properties,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.store = store;
        this.delays = new SignInDelays(properties);
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Lets an attempt go ahead, counting it, or tells how long this address must wait. Attempts
     * for the same e-mail and address queue on the row's lock, so each sees the ones before.
     */
    SignInDelays.Decision admit(String email, String address) {
        var login = hash(email);
        var client = RateLimits.networkOf(address);
        return transaction.execute(status -> {
            var now = clock.instant();
            if (store.countFirst(login, client, delays.blockedUntil(1, now), now)) {
                return new SignInDelays.Go();
            }
            var counted = store.lock(login, client);
            var decision = delays.decide(counted.blockedUntil(), now);
            if (decision instanceof SignInDelays.Go) {
                int failures = counted.failures() + 1;
                store.count(login, client, failures, delays.blockedUntil(failures, now), now);
            }
            return decision;
        });
    }

    @EventListener
    void on(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            store.forget(hash(event.getAuthentication().getName()), RateLimits.networkOf(details.getRemoteAddress()));
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
