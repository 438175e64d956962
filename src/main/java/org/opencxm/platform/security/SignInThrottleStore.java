package org.opencxm.platform.security;

import java.sql.Timestamp;
import java.time.Instant;
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

    /** The count for an e-mail and address as the last attempt left it. */
    record Counted(int failures, @Nullable Instant blockedUntil) {}

    /**
     * Counts the first attempt for this e-mail from this address, if it is the first; a parallel
     * first attempt waits here until this one's transaction ends.
     *
     * @return whether it was the first
     */
    boolean countFirst(String loginHash, String address, @Nullable Instant blockedUntil, Instant at) {
        return jdbc.sql("insert into sign_in_throttle (login_hash, address, failures, last_failure_at, blocked_until)"
                                + " values (?, ?, 1, ?, ?) on conflict (login_hash, address) do nothing")
                        .params(loginHash, address, Timestamp.from(at), timestamp(blockedUntil))
                        .update()
                == 1;
    }

    /** The count, locked until the transaction ends, so that parallel attempts queue. */
    Counted lock(String loginHash, String address) {
        return jdbc.sql("select failures, blocked_until from sign_in_throttle"
                        + " where login_hash = ? and address = ? for update")
                .params(loginHash, address)
                .query((rs, row) -> new Counted(
                        rs.getInt(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
                .single();
    }

    void count(String loginHash, String address, int failures, @Nullable Instant blockedUntil, Instant at) {
        jdbc.sql("update sign_in_throttle set failures = ?, last_failure_at = ?, blocked_until = ?"
                        + " where login_hash = ? and address = ?")
                .params(failures, Timestamp.from(at), timestamp(blockedUntil), loginHash, address)
                .update();
    }

    void forget(String loginHash, String address) {
        jdbc.sql("delete from sign_in_throttle where login_hash = ? and address = ?")
                .params(loginHash, address)
                .update();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** Counts nobody has added to since {@code before}, whose waits are long over. */
    int purge(Instant before) {
        return jdbc.sql("delete from sign_in_throttle where last_failure_at < ?"
                        + " and (blocked_until is null or blocked_until < ?)")
                .params(Timestamp.from(before), Timestamp.from(before))
                .update();
    }
}
