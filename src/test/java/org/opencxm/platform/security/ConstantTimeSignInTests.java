package org.opencxm.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opencxm.platform.Actor;
import org.opencxm.platform.Department;
import org.opencxm.platform.Role;
import org.opencxm.platform.UserId;
import org.opencxm.platform.WorkspaceId;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Every sign-in costs exactly one password comparison, whatever the account: how long the answer
 * takes must not tell an unknown e-mail from an invited, a disabled or an active user.
 */
class ConstantTimeSignInTests {

    private final CountingEncoder encoder = new CountingEncoder();
    private final Map<String, SignedInUser> users = Map.of(
            "active@example.test", user("active@example.test", "{plain}right", true),
            "invited@example.test", user("invited@example.test", null, true),
            "disabled@example.test", user("disabled@example.test", "{plain}right", false));
    private final ConstantTimeSignIn signIn = new ConstantTimeSignIn(new Accounts(users), encoder);

    @Test
    void everyOutcomeComparesOnePasswordHash() {
        for (var email : new String[] {"nobody@example.test", "invited@example.test", "disabled@example.test"}) {
            encoder.comparisons.set(0);
            assertThatThrownBy(() -> signIn.authenticate(attempt(email, "wrong")))
                    .isInstanceOf(BadCredentialsException.class);
            assertThat(encoder.comparisons).as(email).hasValue(1);
        }
    }

    @Test
    void aDisabledAccountIsNamedOnlyAfterTheRightPassword() {
        encoder.comparisons.set(0);

        assertThatThrownBy(() -> signIn.authenticate(attempt("disabled@example.test", "right")))
                .isInstanceOf(DisabledException.class);
        assertThat(encoder.comparisons).hasValue(1);
    }

    @Test
    void theRightPasswordSignsIn() {
        var result = signIn.authenticate(attempt("active@example.test", "right"));

        assertThat(result.isAuthenticated()).isTrue();
        assertThat(encoder.comparisons).hasValue(1);
    }

    private static UsernamePasswordAuthenticationToken attempt(String email, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(email, password);
    }

    private static SignedInUser user(String email, String hash, boolean enabled) {
        var actor = new Actor(
                new WorkspaceId(java.util.UUID.randomUUID()),
                new UserId(java.util.UUID.randomUUID()),
                email,
                Role.AGENT,
                Department.SERVICE,
                null,
                ZoneId.of("Europe/Berlin"));
        return new SignedInUser(actor, email, hash, enabled, false);
    }

    private static final class Accounts extends LoginAccounts {

        private final Map<String, SignedInUser> users;

        Accounts(Map<String, SignedInUser> users) {
            super(null, null);
            this.users = users;
        }

        @Override
        public SignedInUser loadUserByUsername(String email) {
            var user = users.get(email);
            if (user == null) {
                throw new UsernameNotFoundException("unknown login");
            }
            return user;
        }
    }

    /** Plain text, so the test is quick; counts what would cost a bcrypt in production. */
    private static final class CountingEncoder implements PasswordEncoder {

        final AtomicInteger comparisons = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return "{plain}" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            comparisons.incrementAndGet();
            return encoded.equals("{plain}" + raw);
        }
    }
}
