package org.opencxm.platform.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.opencxm.platform.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code password_reset} table: links sent, by the hash of their token. */
@Component
class PasswordResetStore {

    private final JdbcClient jdbc;

    PasswordResetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String tokenHash, UserId account, Instant requestedAt, Instant expiresAt) {
        jdbc.sql("insert into password_reset (token_hash, account_id, requested_at, expires_at) values (?, ?, ?, ?)")
                .params(tokenHash, account.value(), Timestamp.from(requestedAt), Timestamp.from(expiresAt))
                .update();
    }

    int countSince(UserId account, Instant since) {
        return jdbc.sql("select count(*) from password_reset where account_id = ? and requested_at > ?")
                .params(account.value(), Timestamp.from(since))
                .query(Integer.class)
                .single();
    }

    /** The account an unused, unexpired link belongs to. */
    Optional<UserId> findValid(String tokenHash, Instant now) {
        return jdbc.sql("select account_id from password_reset"
                        + " where token_hash = ? and used_at is null and expires_at > ?")
                .params(tokenHash, Timestamp.from(now))
                .query((rows, n) -> new UserId(rows.getObject(1, UUID.class)))
                .optional();
    }

    /** Every open link of the account stops working: its password was just changed another way. */
    void endAll(UserId account, Instant now) {
        jdbc.sql("update password_reset set used_at = ? where account_id = ? and used_at is null")
                .params(Timestamp.from(now), account.value())
                .update();
    }

    /** Forgets links that ended a day ago or more; they only ever counted for the hourly limit. */
    int purge(Instant before) {
        return jdbc.sql("delete from password_reset where expires_at < ?")
                .param(Timestamp.from(before))
                .update();
    }

    /**
     * Uses the link, once: of two requests racing with the same link only one finds it unused.
     * Every other link of the account stops working with it.
     */
    Optional<UserId> use(String tokenHash, Instant now) {
        var account = jdbc.sql("update password_reset set used_at = ?"
                        + " where token_hash = ? and used_at is null and expires_at > ? returning account_id")
                .params(Timestamp.from(now), tokenHash, Timestamp.from(now))
                .query((rows, n) -> new UserId(rows.getObject(1, UUID.class)))
                .optional();
        account.ifPresent(id -> endAll(id, now));
        return account;
    }
}
