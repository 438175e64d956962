package org.opencxm.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How sign-in slows down guessing: after {@code freeAttempts} wrong passwords for one e-mail
 * from one address, that address waits {@code firstDelay} before its next try for that
 * e-mail, twice as long after each further failure, at most {@code longestDelay}.
 */
@ConfigurationProperties("opencxm.security.sign-in")
record SignInProperties(int freeAttempts, Duration firstDelay, Duration longestDelay) {}
