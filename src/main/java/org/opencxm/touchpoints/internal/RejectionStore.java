package org.opencxm.touchpoints.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.ApiKeyId;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL of {@code collection_rejection}: the quarantine of messages that could not be stored,
 * each as sent (cut at {@link #MAX_KEPT_CHARS}) with its problems, for the event debugger.
 */
@Component
class RejectionStore {

    /** As much of a message as an admin needs to see what is wrong. */
    static final int MAX_KEPT_CHARS = 32 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    RejectionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Its own statement, outside the events' transaction: a refused request keeps its quarantine. */
    void keep(
            WorkspaceId workspace,
            @Nullable ApiKeyId key,
            String endpoint,
            Instant receivedAt,
            List<MessageParser.Rejected> rejected) {
        for (var message : rejected) {
            // JSON text escapes U+0000 as \u0000, so even such a message can be kept as text
            var text = message.message().toString();
            var truncated = text.length() > MAX_KEPT_CHARS;
            var messageId = message.message().isObject()
                            && message.message().path("messageId").isString()
                    ? cut(message.message().path("messageId").asString().replace("\u0000", ""), 255)
                    : null;
            jdbc.sql("insert into collection_rejection (workspace_id, id, api_key_id, received_at, endpoint,"
                            + " message_id, message, truncated, problems) values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)")
                    .params(
                            workspace.value(),
                            Ids.next(),
                            key == null ? null : key.value(),
                            Timestamp.from(receivedAt),
                            endpoint,
                            messageId,
                            cut(text, MAX_KEPT_CHARS),
                            truncated,
                            JSON.writeValueAsString(message.problems().stream()
                                    .map(p -> new FieldProblem(p.field().replace("\u0000", ""), p.messageKey()))
                                    .toList()))
                    .update();
        }
    }

    List<RejectedMessage> latest(WorkspaceId workspace, @Nullable ApiKeyId key, int limit) {
        return jdbc.sql("select id, api_key_id, received_at, endpoint, message_id, message, truncated, problems::text"
                        + " from collection_rejection where workspace_id = ?"
                        + " and (?::uuid is null or api_key_id = ?::uuid)"
                        + " order by received_at desc, id desc limit ?")
                .params(workspace.value(), uuid(key), uuid(key), limit)
                .query(RejectionStore::map)
                .list();
    }

    int purge(Instant before) {
        return jdbc.sql("delete from collection_rejection where received_at < ?")
                .param(Timestamp.from(before))
                .update();
    }

    private static RejectedMessage map(ResultSet rs, int row) throws SQLException {
        var key = rs.getObject("api_key_id", UUID.class);
        return new RejectedMessage(
                rs.getObject("id", UUID.class),
                key == null ? null : new ApiKeyId(key),
                rs.getTimestamp("received_at").toInstant(),
                rs.getString("endpoint"),
                rs.getString("message_id"),
                rs.getString("message"),
                rs.getBoolean("truncated"),
                List.of(JSON.readValue(rs.getString("problems"), FieldProblem[].class)));
    }

    private static @Nullable UUID uuid(@Nullable ApiKeyId key) {
        return key == null ? null : key.value();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
