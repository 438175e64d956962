package org.opencxm.journeys.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.CustomerId;
import org.opencxm.platform.WorkspaceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of {@code journey_rederivation}: one replay of every history per workspace, with its cursor. */
@Component
class RederivationStore {

    /** A replay in progress, or the last one. */
    record Progress(
            WorkspaceId workspace,
            int rulesVersion,
            @Nullable CustomerId after,
            long done,
            long total,
            Instant startedAt,
            @Nullable Instant finishedAt) {}

    private final JdbcClient jdbc;

    RederivationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts over for this version, replacing a replay of an older one wherever it had got to. */
    void start(WorkspaceId workspace, int version, long total, Instant at) {
        jdbc.sql("""
                        insert into journey_rederivation (workspace_id, rules_version, after_customer, done, total,
                                                          started_at, finished_at)
                        values (?, ?, null, 0, ?, ?, null)
                        on conflict (workspace_id) do update
                          set rules_version = excluded.rules_version, after_customer = null, done = 0,
                              total = excluded.total, started_at = excluded.started_at, finished_at = null""")
                .params(workspace.value(), version, total, Timestamp.from(at))
                .update();
    }

    /** An unfinished replay nobody else is working on, locked until the transaction ends. */
    Optional<Progress> claim() {
        return jdbc.sql("select * from journey_rederivation where finished_at is null limit 1 for update skip locked")
                .query((rs, n) -> progress(rs))
                .optional();
    }

    Optional<Progress> find(WorkspaceId workspace) {
        return jdbc.sql("select * from journey_rederivation where workspace_id = ?")
                .param(workspace.value())
                .query((rs, n) -> progress(rs))
                .optional();
    }

    void advance(WorkspaceId workspace, CustomerId after, long done, @Nullable Instant finishedAt) {
        jdbc.sql("update journey_rederivation set after_customer = ?, done = ?, finished_at = ? where workspace_id = ?")
                .params(after.value(), done, finishedAt == null ? null : Timestamp.from(finishedAt), workspace.value())
                .update();
    }

    void finish(WorkspaceId workspace, Instant at) {
        jdbc.sql("update journey_rederivation set finished_at = ? where workspace_id = ?")
                .params(Timestamp.from(at), workspace.value())
                .update();
    }

    private static Progress progress(java.sql.ResultSet rs) throws java.sql.SQLException {
        var after = rs.getObject("after_customer", UUID.class);
        var finished = rs.getTimestamp("finished_at");
        return new Progress(
                new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                rs.getInt("rules_version"),
                after == null ? null : new CustomerId(after),
                rs.getLong("done"),
                rs.getLong("total"),
                rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
