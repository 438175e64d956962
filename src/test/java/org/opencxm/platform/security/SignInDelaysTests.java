package org.opencxm.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInDelaysTests {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final SignInDelays delays =
            new SignInDelays(new SignInProperties(5, Duration.ofSeconds(30), Duration.ofHours(1)));

    @Test
    void theFirstFourFailuresCostNothing() {
        for (int failures = 1; failures < 5; failures++) {
            assertThat(delays.blockedUntil(failures, NOW)).isNull();
        }
    }

    @Test
    void fromTheFifthFailureTheWaitDoublesUpToAnHour() {
        assertThat(delays.blockedUntil(5, NOW)).isEqualTo(NOW.plusSeconds(30));
        assertThat(delays.blockedUntil(6, NOW)).isEqualTo(NOW.plusSeconds(60));
        assertThat(delays.blockedUntil(10, NOW)).isEqualTo(NOW.plusSeconds(30 * 32));
        assertThat(delays.blockedUntil(12, NOW)).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(delays.blockedUntil(Integer.MAX_VALUE, NOW)).isEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void anAttemptWaitsOnlyWhileTheBlockLasts() {
        assertThat(delays.decide(null, NOW)).isInstanceOf(SignInDelays.Go.class);
        assertThat(delays.decide(NOW.minusSeconds(1), NOW)).isInstanceOf(SignInDelays.Go.class);
        assertThat(delays.decide(NOW.plusSeconds(30), NOW)).isEqualTo(new SignInDelays.Wait(Duration.ofSeconds(30)));
    }

    @Test
    void theWaitIsShownInWholeMinutesRoundedUp() {
        assertThat(new SignInDelays.Wait(Duration.ofSeconds(30)).minutes()).isEqualTo(1);
        assertThat(new SignInDelays.Wait(Duration.ofSeconds(61)).minutes()).isEqualTo(2);
        assertThat(new SignInDelays.Wait(Duration.ofMinutes(60)).minutes()).isEqualTo(60);
    }
}
