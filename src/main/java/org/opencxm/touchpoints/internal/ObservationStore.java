package org.opencxm.touchpoints.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.opencxm.platform.ApiKeyId;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.touchpoints.EventType;
import org.opencxm.touchpoints.feeds.IdentityObservation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of {@code identity_observation}, the durable queue between stored events and the
 * profiles that follow them: appended with the events, taken in bulk by whoever keeps profiles.
 */
@Component
public class ObservationStore {

    private static final String APPEND = """
            insert into identity_observation (workspace_id, type, anonymous_id, user_id, previous_id, traits, occurred_at,
                                              api_key_id, trusted)
            select ?, o.type, o.anonymous_id, o.user_id, o.previous_id, o.traits, o.occurred_at, o.api_key_id, o.trusted
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::uuid[], ?::boolean[])
                 as o(type, anonymous_id, user_id, previous_id, traits, occurred_at, api_key_id, trusted)
            """;

    /** An observation as queued, with its position in the queue. */
    public record Queued(WorkspaceId workspace, long id, IdentityObservation observation) {}

    private final JdbcTemplate jdbc;
    private final JdbcClient client;

    ObservationStore(JdbcTemplate jdbc, JdbcClient client) {
        this.jdbc = jdbc;
        this.client = client;
    }

    /** One statement for the lot, in the caller's transaction. */
    void append(WorkspaceId workspace, List<IdentityObservation> observations) {
        if (observations.isEmpty()) {
            return;
        }
        jdbc.execute((Connection connection) -> {
            try (var statement = connection.prepareStatement(APPEND)) {
                statement.setObject(1, workspace.value());
                statement.setArray(
                        2, array(connection, "text", observations, o -> o.type().wireName()));
                statement.setArray(3, array(connection, "text", observations, IdentityObservation::anonymousId));
                statement.setArray(4, array(connection, "text", observations, IdentityObservation::userId));
                statement.setArray(5, array(connection, "text", observations, IdentityObservation::previousId));
                statement.setArray(6, array(connection, "text", observations, IdentityObservation::traits));
                statement.setArray(
                        7, array(connection, "timestamptz", observations, o -> Timestamp.from(o.occurredAt())));
                statement.setArray(
                        8,
                        array(
                                connection,
                                "uuid",
                                observations,
                                o -> o.writeKey() == null ? null : o.writeKey().value()));
                statement.setArray(9, array(connection, "boolean", observations, IdentityObservation::trusted));
                return statement.executeUpdate();
            }
        });
    }

    /** The oldest observations nobody else holds, locked until the transaction ends. */
    public List<Queued> take(int limit) {
        return client.sql("""
                        select workspace_id, id, type, anonymous_id, user_id, previous_id, traits, occurred_at,
                               api_key_id, trusted
                        from identity_observation order by id limit ? for update skip locked""").param(limit).query(ObservationStore::queued).list();
    }

    public void remove(List<Long> ids) {
        client.sql("delete from identity_observation where id = any(?)")
                .param(ids.toArray(Long[]::new))
                .update();
    }

    private static <T> Array array(Connection connection, String type, List<T> rows, Function<T, ?> column)
            throws SQLException {
        return connection.createArrayOf(type, rows.stream().map(column).toArray());
    }

    private static Queued queued(ResultSet rs, int n) throws SQLException {
        return new Queued(
                new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                rs.getLong("id"),
                new IdentityObservation(
                        EventType.fromWire(rs.getString("type")),
                        rs.getString("anonymous_id"),
                        rs.getString("user_id"),
                        rs.getString("previous_id"),
                        rs.getString("traits"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getObject("api_key_id") == null
                                ? null
                                : new ApiKeyId(rs.getObject("api_key_id", UUID.class)),
                        rs.getBoolean("trusted")));
    }
}
