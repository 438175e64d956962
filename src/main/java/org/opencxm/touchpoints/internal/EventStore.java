package org.opencxm.touchpoints.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.ApiKeyId;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.Ids;
import org.opencxm.touchpoints.Channel;
import org.opencxm.touchpoints.EventType;
import org.opencxm.touchpoints.Interaction;
import org.opencxm.touchpoints.NamedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends events in one statement per batch: the message ids go into {@code event_message}
 * first, and only those that were new there become events, so a retried message never creates
 * a second row, even when two retries race. All or nothing: the batch commits as a whole,
 * together with the identity observations the new events carry and the batch entry that
 * hands them to the lifecycle.
 */
@Component
public class EventStore {

    private static final String APPEND = """
            with fresh as (
              insert into event_message (workspace_id, message_id, received_at)
              select ?, m.id, m.at from unnest(?::text[], ?::timestamptz[]) as m(id, at)
              on conflict do nothing
              returning message_id
            )
            insert into event (workspace_id, id, message_id, type, name, anonymous_id, user_id, previous_id,
                               group_id, touchpoint_id, occurred_at, received_at, sent_at, properties, traits, context,
                               api_key_id)
            select ?, e.id, e.message_id, e.type, e.name, e.anonymous_id, e.user_id, e.previous_id, e.group_id,
                   e.touchpoint_id, e.occurred_at, e.received_at, e.sent_at, e.properties::jsonb, e.traits::jsonb,
                   e.context::jsonb, ?::uuid
            from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::uuid[], ?::timestamptz[], ?::timestamptz[], ?::timestamptz[], ?::text[], ?::text[], ?::text[])
                 as e(id, message_id, type, name, anonymous_id, user_id, previous_id, group_id, touchpoint_id,
                      occurred_at, received_at, sent_at, properties, traits, context)
            join fresh on fresh.message_id = e.message_id
            returning message_id
            """;

    private static final DateTimeFormatter PARTITION_SUFFIX = DateTimeFormatter.ofPattern("yyyy_MM");

    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    private final ObservationStore observations;
    private final EventBatchStore batches;

    EventStore(JdbcTemplate jdbc, JdbcClient client, ObservationStore observations, EventBatchStore batches) {
        this.jdbc = jdbc;
        this.client = client;
        this.observations = observations;
        this.batches = batches;
    }

    /** An event with the time its request arrived. */
    record Received(CollectedEvent event, Instant at) {}

    /** Stores the events that are new, with the key they came with; returns how many were. */
    @Transactional
    public int append(
            WorkspaceId workspace,
            List<CollectedEvent> batch,
            Function<CollectedEvent, UUID> touchpoint,
            Instant receivedAt,
            Sender sender) {
        return appendReceived(
                        workspace,
                        batch.stream().map(e -> new Received(e, receivedAt)).toList(),
                        touchpoint,
                        sender)
                .size();
    }

    /**
     * Stores the events of several requests of one sender in one statement, each with its own
     * arrival time, as group commit does.
     *
     * @return the message ids that were new
     */
    @Transactional
    Set<String> appendReceived(
            WorkspaceId workspace, List<Received> received, Function<CollectedEvent, UUID> touchpoint, Sender sender) {
        var unique = firstOfEachMessage(received);
        var stored = new HashSet<String>(jdbc.execute((Connection connection) -> {
            try (var statement = connection.prepareStatement(APPEND)) {
                bind(statement, connection, workspace, unique, touchpoint, sender);
                var inserted = new ArrayList<String>();
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        inserted.add(rows.getString(1));
                    }
                }
                return inserted;
            }
        }));
        observations.append(
                workspace,
                Observations.of(
                        unique.stream()
                                .map(Received::event)
                                .filter(e -> stored.contains(e.messageId()))
                                .toList(),
                        sender));
        batches.append(
                workspace,
                unique.stream()
                        .filter(r -> stored.contains(r.event().messageId()))
                        .map(Received::at)
                        .toList());
        return stored;
    }

    /** Track events of one name after a position in receive order, up to {@code until}, oldest first. */
    public List<NamedEvent> named(
            WorkspaceId workspace, String name, Instant after, UUID afterId, Instant until, int limit) {
        return client.sql("select id, user_id, anonymous_id, occurred_at, received_at from event"
                        + " where workspace_id = ? and (received_at, id) > (?, ?) and received_at <= ?"
                        + " and type = 'track' and name = ? order by received_at, id limit ?")
                .params(workspace.value(), Timestamp.from(after), afterId, Timestamp.from(until), name, limit)
                .query((rs, n) -> new NamedEvent(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    /**
     * Events under any of the ids that come before ({@code before}, {@code beforeId}) in timeline
     * order (newest first, ties by id), with their touchpoints.
     */
    public List<Interaction> timeline(
            WorkspaceId workspace,
            Collection<String> userIds,
            Collection<String> anonymousIds,
            Instant before,
            UUID beforeId,
            int limit) {
        var until = Timestamp.from(before);
        return client.sql("""
                        select e.id, e.type, e.name, t.name as touchpoint, t.channel, e.occurred_at,
                               coalesce(e.properties, e.traits)::text as properties
                        from (
                          (select * from event where workspace_id = ? and user_id = any(?) and (occurred_at, id) < (?, ?)
                           order by occurred_at desc, id desc limit ?)
                          union
                          (select * from event where workspace_id = ? and anonymous_id = any(?) and (occurred_at, id) < (?, ?)
                           order by occurred_at desc, id desc limit ?)
                        ) e
                        join touchpoint t on t.workspace_id = e.workspace_id and t.id = e.touchpoint_id
                        order by e.occurred_at desc, e.id desc
                        limit ?""")
                .params(
                        workspace.value(),
                        userIds.toArray(String[]::new),
                        until,
                        beforeId,
                        limit,
                        workspace.value(),
                        anonymousIds.toArray(String[]::new),
                        until,
                        beforeId,
                        limit,
                        limit)
                .query((rs, row) -> new Interaction(
                        rs.getObject("id", UUID.class),
                        EventType.fromWire(rs.getString("type")),
                        rs.getString("name"),
                        rs.getString("touchpoint"),
                        Channel.valueOf(rs.getString("channel")),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("properties")))
                .list();
    }

    /**
     * The latest events received since {@code since}, newest first, of one write key or all: a
     * walk down the primary key, bounded in time so that a quiet key cannot make it scan months.
     */
    List<IncomingEvent> latest(WorkspaceId workspace, @Nullable ApiKeyId key, Instant since, int limit) {
        return client.sql("""
                        select e.id, e.api_key_id, e.received_at, e.occurred_at, e.type, e.name, e.user_id,
                               e.anonymous_id, t.key as touchpoint
                        from event e join touchpoint t on t.workspace_id = e.workspace_id and t.id = e.touchpoint_id
                        where e.workspace_id = ? and e.received_at >= ? and (?::uuid is null or e.api_key_id = ?::uuid)
                        order by e.received_at desc, e.id desc limit ?""")
                .params(
                        workspace.value(),
                        Timestamp.from(since),
                        key == null ? null : key.value(),
                        key == null ? null : key.value(),
                        limit)
                .query((rs, row) -> new IncomingEvent(
                        rs.getObject("id", UUID.class),
                        rs.getObject("api_key_id") == null
                                ? null
                                : new ApiKeyId(rs.getObject("api_key_id", UUID.class)),
                        rs.getTimestamp("received_at").toInstant(),
                        rs.getTimestamp("occurred_at").toInstant(),
                        EventType.fromWire(rs.getString("type")),
                        rs.getString("name"),
                        rs.getString("user_id"),
                        rs.getString("anonymous_id"),
                        rs.getString("touchpoint")))
                .list();
    }

    /** The monthly partition starting at {@code month}, unless it exists; rows of other months land in {@code event_default}. */
    void createPartition(LocalDate month) {
        var name = "event_" + PARTITION_SUFFIX.format(month);
        jdbc.execute("create table if not exists " + name + " partition of event for values from ('" + month
                + "') to ('" + month.plusMonths(1) + "')");
    }

    private static List<Received> firstOfEachMessage(List<Received> batch) {
        var byMessage = new LinkedHashMap<String, Received>();
        batch.forEach(received -> byMessage.putIfAbsent(received.event().messageId(), received));
        return List.copyOf(byMessage.values());
    }

    private static void bind(
            PreparedStatement statement,
            Connection connection,
            WorkspaceId workspace,
            List<Received> received,
            Function<CollectedEvent, UUID> touchpoint,
            Sender sender)
            throws SQLException {
        int n = received.size();
        var events = received.stream().map(Received::event).toList();
        var ids = new UUID[n];
        var touchpoints = new UUID[n];
        var occurred = new Timestamp[n];
        var arrived = new Timestamp[n];
        var sent = new Timestamp[n];
        for (int i = 0; i < n; i++) {
            var event = events.get(i);
            ids[i] = Ids.next();
            touchpoints[i] = touchpoint.apply(event);
            occurred[i] = Timestamp.from(event.occurredAt());
            arrived[i] = Timestamp.from(received.get(i).at());
            sent[i] = event.sentAt() == null ? null : Timestamp.from(event.sentAt());
        }
        var arrivals = connection.createArrayOf("timestamptz", arrived);
        int p = 1;
        statement.setObject(p++, workspace.value());
        statement.setArray(p++, texts(connection, events, CollectedEvent::messageId));
        statement.setArray(p++, arrivals);
        statement.setObject(p++, workspace.value());
        statement.setObject(
                p++, sender.writeKey() == null ? null : sender.writeKey().value());
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
        statement.setArray(p++, arrivals);
        statement.setArray(p++, connection.createArrayOf("timestamptz", sent));
        statement.setArray(p++, texts(connection, events, CollectedEvent::properties));
        statement.setArray(p++, texts(connection, events, CollectedEvent::traits));
        statement.setArray(p, texts(connection, events, CollectedEvent::context));
    }

    private static Array texts(
            Connection connection, List<CollectedEvent> events, Function<CollectedEvent, String> column)
            throws SQLException {
        return connection.createArrayOf("text", events.stream().map(column).toArray(String[]::new));
    }
}
