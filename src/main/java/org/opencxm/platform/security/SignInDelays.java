package org.opencxm.platform.security;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The rule against password guessing, without locking anyone out: failures count per e-mail and
 * client address, so a guesser slows down only himself, and the owner signs in from any other
 * address (or from the same one once the wait is over). Known and unknown e-mails are counted
 * alike, so the answer never tells whether an account exists. The wait doubles with each
 * failure past the free attempts: a few guesses an hour per address, one wait for a typo.
 */
final class SignInDelays {

    /** Whether an attempt may go ahead. */
    sealed interface Decision {}

    record Go() implements Decision {}

    /** @param remaining how long until the next attempt from this address is checked */
    record Wait(Duration remaining) implements Decision {

        /** Whole minutes, rounded up, for the sign-in page. */
        long minutes() {
            return Math.max(1, (remaining.toSeconds() + 59) / 60);
        }
    }

    private final SignInProperties properties;

    SignInDelays(SignInProperties properties) {
        this.properties = properties;
    }

    Decision decide(@Nullable Instant blockedUntil, Instant now) {
        return blockedUntil != null && blockedUntil.isAfter(now)
                ? new Wait(Duration.between(now, blockedUntil))
                : new Go();
    }

    /** When the next attempt may come after this many failures in a row; {@code null} while attempts are free. */
    @Nullable
    Instant blockedUntil(int failures, Instant now) {
        int beyond = failures - properties.freeAttempts();
        if (beyond < 0) {
            return null;
        }
        var delay = properties.firstDelay();
        for (int i = 0; i < beyond && delay.compareTo(properties.longestDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return now.plus(delay.compareTo(properties.longestDelay()) > 0 ? properties.longestDelay() : delay);
    }
}
