package org.opencxm.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opencxm.platform.internal.PasswordResetPolicy.Decision;
import org.opencxm.platform.internal.PasswordResetPolicy.Reason;
import org.opencxm.platform.internal.PasswordResetPolicy.Request;

class PasswordResetPolicyTests {

    @Test
    void aPersonWhoMayWorkSomewhereGetsALink() {
        assertThat(PasswordResetPolicy.decide(new Request(true, true, true, 0))).isEqualTo(new Decision.Send());
        assertThat(PasswordResetPolicy.decide(new Request(true, true, true, PasswordResetPolicy.LINKS_PER_HOUR - 1)))
                .isEqualTo(new Decision.Send());
    }

    @Test
    void theFirstObjectionNamesTheReason() {
        assertThat(PasswordResetPolicy.decide(new Request(false, false, false, 0)))
                .isEqualTo(new Decision.Silent(Reason.NO_ACCOUNT));
        assertThat(PasswordResetPolicy.decide(new Request(true, true, false, 9)))
                .as("disabled everywhere: a password would open nothing")
                .isEqualTo(new Decision.Silent(Reason.NO_WORKSPACE));
        assertThat(PasswordResetPolicy.decide(new Request(true, true, true, PasswordResetPolicy.LINKS_PER_HOUR)))
                .isEqualTo(new Decision.Silent(Reason.TOO_MANY_LINKS));
        assertThat(PasswordResetPolicy.decide(new Request(true, false, true, 0)))
                .as("invited, never accepted: the invitation link is the way in")
                .isEqualTo(new Decision.Silent(Reason.NOT_ACTIVATED));
    }
}
