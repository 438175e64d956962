package org.opencxm.platform.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of {@code sign_in_throttle}: failed sign-ins per e-mail (as a SHA-256, since anyone
 * can type anything) and client address. In the database, so every node sees the same count.
 */
@Component
class SignInThrottleStore {

    private final JdbcClient jdbc;

    SignInThrottleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Instant> blockedUntil(String loginHash, String address) {
        return jdbc.sql("select blocked_until from sign_in_throttle"
                        + " where login_hash = ? and address = ? and blocked_until is not null")
                .params(loginHash, address)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    /** @return the failures in a row, this one included */
    int countFailure(String loginHash, String address, Instant at) {
        return jdbc.sql("insert into sign_in_throttle (login_hash, address, failures, last_failure_at)"
                        + " values (?, ?, 1, ?) on conflict (login_hash, address) do update"
                        + " set failures = sign_in_throttle.failures + 1, last_failure_at = excluded.last_failure_at"
                        + " returning failures")
                .params(loginHash, address, Timestamp.from(at))
                .query(Integer.class)
                .single();
    }

    void block(String loginHash, String address, @Nullable Instant until) {
        jdbc.sql("update sign_in_throttle set blocked_until = ? where login_hash = ? and address = ?")
                .params(until == null ? null : Timestamp.from(until), loginHash, address)
                .update();
    }

    void forget(String loginHash, String address) {
        jdbc.sql("delete from sign_in_throttle where login_hash = ? and address = ?")
                .params(loginHash, address)
                .update();
    }

    /** Counts nobody has added to since {@code before}, whose waits are long over. */
    int purge(Instant before) {
        return jdbc.sql("delete from sign_in_throttle where last_failure_at < ?"
                        + " and (blocked_until is null or blocked_until < ?)")
                .params(Timestamp.from(before), Timestamp.from(before))
                .update();
    }
}
