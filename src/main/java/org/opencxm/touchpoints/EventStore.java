package org.opencxm.touchpoints;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.opencxm.platform.Ids;
import org.opencxm.platform.WorkspaceId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends events in one statement per batch: the message ids go into {@code event_message}
 * first, and only those that were new there become events, so a retried message never creates
 * a second row, even when two retries race. All or nothing: the batch commits as a whole,
 * together with the identity observations the new events carry.
 */
@Component
class EventStore {

    private static final String APPEND = """
            with fresh as (
              insert into event_message (workspace_id, message_id, received_at)
              select ?, m, ? from unnest(?::text[]) m
              on conflict do nothing
              returning message_id
            )
            insert into event (workspace_id, id, message_id, type, name, anonymous_id, user_id, previous_id,
                               group_id, touchpoint_id, occurred_at, received_at, sent_at, properties, traits, context)
            select ?, e.id, e.message_id, e.type, e.name, e.anonymous_id, e.user_id, e.previous_id, e.group_id,
                   e.touchpoint_id, e.occurred_at, ?, e.sent_at, e.properties::jsonb, e.traits::jsonb, e.context::jsonb
            from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::uuid[], ?::timestamptz[], ?::timestamptz[], ?::text[], ?::text[], ?::text[])
                 as e(id, message_id, type, name, anonymous_id, user_id, previous_id, group_id, touchpoint_id,
                      occurred_at, sent_at, properties, traits, context)
            join fresh on fresh.message_id = e.message_id
            returning message_id
            """;

    private static final String OBSERVE = """
            insert into identity_observation (workspace_id, type, anonymous_id, user_id, previous_id, traits, occurred_at)
            select ?, o.type, o.anonymous_id, o.user_id, o.previous_id, o.traits, o.occurred_at
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
                 as o(type, anonymous_id, user_id, previous_id, traits, occurred_at)
            """;

    private final JdbcTemplate jdbc;

    EventStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the events that are new; returns how many were. */
    @Transactional
    public int append(
            WorkspaceId workspace,
            List<CollectedEvent> batch,
            Function<CollectedEvent, UUID> touchpoint,
            Instant receivedAt) {
        var unique = firstOfEachMessage(batch);
        var stored = new HashSet<String>(jdbc.execute((Connection connection) -> {
            try (var statement = connection.prepareStatement(APPEND)) {
                bind(statement, connection, workspace, unique, touchpoint, receivedAt);
                var inserted = new ArrayList<String>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        inserted.add(rows.getString(1));
                    }
                }
                return inserted;
            }
        }));
        var observations = Observations.of(
                unique.stream().filter(e -> stored.contains(e.messageId())).toList());
        if (!observations.isEmpty()) {
            observe(workspace, observations);
        }
        return stored.size();
    }

    /** Hands what the new events reveal about identities to the {@link IdentityFeed}, in this transaction. */
    private void observe(WorkspaceId workspace, List<IdentityObservation> observations) {
        jdbc.execute((Connection connection) -> {
            try (var statement = connection.prepareStatement(OBSERVE)) {
                statement.setObject(1, workspace.value());
                statement.setArray(
                        2, array(connection, "text", observations, o -> o.type().wireName()));
                statement.setArray(3, array(connection, "text", observations, IdentityObservation::anonymousId));
                statement.setArray(4, array(connection, "text", observations, IdentityObservation::userId));
                statement.setArray(5, array(connection, "text", observations, IdentityObservation::previousId));
                statement.setArray(6, array(connection, "text", observations, IdentityObservation::traits));
                statement.setArray(
                        7, array(connection, "timestamptz", observations, o -> Timestamp.from(o.occurredAt())));
                return statement.executeUpdate();
            }
        });
    }

    private static <T> java.sql.Array array(Connection connection, String type, List<T> rows, Function<T, ?> column)
            throws SQLException {
        return connection.createArrayOf(type, rows.stream().map(column).toArray());
    }

    private static List<CollectedEvent> firstOfEachMessage(List<CollectedEvent> batch) {
        var byMessage = new LinkedHashMap<String, CollectedEvent>();
        batch.forEach(event -> byMessage.putIfAbsent(event.messageId(), event));
        return List.copyOf(byMessage.values());
    }

    private static void bind(
            PreparedStatement statement,
            Connection connection,
            WorkspaceId workspace,
            List<CollectedEvent> events,
            Function<CollectedEvent, UUID> touchpoint,
            Instant receivedAt)
            throws SQLException {
        var received = Timestamp.from(receivedAt);
        int n = events.size();
        var ids = new UUID[n];
        var touchpoints = new UUID[n];
        var occurred = new Timestamp[n];
        var sent = new Timestamp[n];
        for (int i = 0; i < n; i++) {
            var event = events.get(i);
            ids[i] = Ids.next();
            touchpoints[i] = touchpoint.apply(event);
            occurred[i] = Timestamp.from(event.occurredAt());
            sent[i] = event.sentAt() == null ? null : Timestamp.from(event.sentAt());
        }
        int p = 1;
        statement.setObject(p++, workspace.value());
        statement.setTimestamp(p++, received);
        statement.setArray(p++, texts(connection, events, CollectedEvent::messageId));
        statement.setObject(p++, workspace.value());
        statement.setTimestamp(p++, received);
        statement.setArray(p++, connection.createArrayOf("uuid", ids));
        statement.setArray(p++, texts(connection, events, CollectedEvent::messageId));
        statement.setArray(p++, texts(connection, events, e -> e.type().wireName()));
        statement.setArray(p++, texts(connection, events, CollectedEvent::name));
        statement.setArray(p++, texts(connection, events, CollectedEvent::anonymousId));
        statement.setArray(p++, texts(connection, events, CollectedEvent::userId));
        statement.setArray(p++, texts(connection, events, CollectedEvent::previousId));
        statement.setArray(p++, texts(connection, events, CollectedEvent::groupId));
        statement.setArray(p++, connection.createArrayOf("uuid", touchpoints));
        statement.setArray(p++, connection.createArrayOf("timestamptz", occurred));
        statement.setArray(p++, connection.createArrayOf("timestamptz", sent));
        statement.setArray(p++, texts(connection, events, CollectedEvent::properties));
        statement.setArray(p++, texts(connection, events, CollectedEvent::traits));
        statement.setArray(p, texts(connection, events, CollectedEvent::context));
    }

    private static java.sql.Array texts(
            Connection connection, List<CollectedEvent> events, Function<CollectedEvent, String> column)
            throws SQLException {
        return connection.createArrayOf("text", events.stream().map(column).toArray(String[]::new));
    }
}
