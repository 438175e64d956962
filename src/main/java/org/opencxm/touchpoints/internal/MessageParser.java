package org.opencxm.touchpoints.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.touchpoints.EventType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns Segment messages into {@link CollectedEvent}s, collecting every problem with its path
 * instead of stopping at the first. Follows the Segment spec: {@code userId} or {@code
 * anonymousId} is required (alias needs {@code userId} and {@code previousId}), track needs
 * {@code event}, a missing {@code messageId} is generated, and the timestamp is corrected for
 * the client's clock skew with {@code sentAt}.
 */
final class MessageParser {

    static final int MAX_EVENT_BYTES = 32 * 1024;
    static final int MAX_ID_LENGTH = 255;
    static final int MAX_NAME_LENGTH = 200;

    /** Timestamps outside these bounds are typing errors, and would overflow clock-skew arithmetic. */
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

    static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    /**
     * A message that cannot be stored, with what is wrong with it.
     *
     * @param index its position in the batch; 0 for a single message
     */
    record Rejected(int index, JsonNode message, List<FieldProblem> problems) {}

    private final Instant receivedAt;
    private final List<FieldProblem> problems = new ArrayList<>();
    private final List<Rejected> rejected = new ArrayList<>();

    MessageParser(Instant receivedAt) {
        this.receivedAt = receivedAt;
    }

    /** Every problem found, those of the request as a whole and those of each message. */
    List<FieldProblem> problems() {
        return problems;
    }

    /** The messages that cannot be stored; problems of the request as a whole are not among them. */
    List<Rejected> rejected() {
        return rejected;
    }

    /**
     * A message of a single-type endpoint; the path names the type.
     *
     * @param size the bytes of the message as sent
     */
    @Nullable
    CollectedEvent single(JsonNode message, EventType type, int size) {
        var event = parse(message, type, "", null, null, size);
        if (event == null) {
            rejected.add(new Rejected(0, message, List.copyOf(problems)));
        }
        return event;
    }

    /**
     * The messages of {@code /v1/batch}; each names its type. Top-level context and sentAt apply
     * to all.
     *
     * @param sizes the bytes of each message as sent; the shared context's count for each as well
     */
    List<CollectedEvent> batch(JsonNode body, List<Integer> sizes) {
        var events = new ArrayList<CollectedEvent>();
        var batch = body.get("batch");
        if (batch == null || !batch.isArray() || batch.isEmpty()) {
            problems.add(new FieldProblem("batch", "collection.batch.required"));
            return events;
        }
        var sharedContext = body.get("context") instanceof ObjectNode context ? context : null;
        // the shared context becomes part of every message: checked once, and counted in each one's size
        int sharedSize = 0;
        if (sharedContext != null) {
            var nul = MessageTrees.nulAt(sharedContext, "context");
            if (nul != null) {
                problems.add(new FieldProblem(nul, "collection.nul"));
                return events;
            }
            sharedSize = sharedContext.toString().getBytes(StandardCharsets.UTF_8).length;
        }
        var sharedSentAt = instant(body, "sentAt", "");
        for (int i = 0; i < batch.size(); i++) {
            var path = "batch[" + i + "].";
            var message = batch.get(i);
            int before = problems.size();
            var type = message.isObject() ? EventType.fromWire(MessageTrees.text(message, "type")) : null;
            var event = type == null
                    ? null
                    : parse(message, type, path, sharedContext, sharedSentAt, sizes.get(i) + sharedSize);
            if (type == null) {
                problems.add(new FieldProblem(path + "type", "collection.type.invalid"));
            }
            if (event != null) {
                events.add(event);
            } else {
                rejected.add(new Rejected(i, message, List.copyOf(problems.subList(before, problems.size()))));
            }
        }
        return events;
    }

    private @Nullable CollectedEvent parse(
            JsonNode message,
            EventType type,
            String path,
            @Nullable ObjectNode sharedContext,
            @Nullable Instant sharedSentAt,
            int size) {
        if (!message.isObject()) {
            problems.add(new FieldProblem(
                    path.isEmpty() ? "body" : path.substring(0, path.length() - 1), "collection.object"));
            return null;
        }
        int before = problems.size();
        if (size > MAX_EVENT_BYTES) {
            problems.add(new FieldProblem(
                    path.isEmpty() ? "body" : path.substring(0, path.length() - 1), "collection.event.tooLarge"));
            return null;
        }
        var nul = MessageTrees.nulAt(message, path.isEmpty() ? "" : path.substring(0, path.length() - 1));
        if (nul != null) {
            problems.add(new FieldProblem(nul, "collection.nul"));
            return null;
        }
        var anonymousId = id(message, "anonymousId", path);
        var userId = id(message, "userId", path);
        var previousId = id(message, "previousId", path);
        var groupId = id(message, "groupId", path);
        var messageId = id(message, "messageId", path);
        var name = name(message, type, path);
        var properties = object(message, "properties", path);
        var context = MessageTrees.mergedContext(object(message, "context", path), sharedContext);
        var traits = message.hasNonNull("traits") || type != EventType.IDENTIFY || context == null
                ? object(message, "traits", path)
                : MessageTrees.traitsOfContext(context);
        var timestamp = message.hasNonNull("timestamp")
                ? instant(message, "timestamp", path)
                : instant(message, "originalTimestamp", path);
        var ownSentAt = instant(message, "sentAt", path);
        var sentAt = ownSentAt != null ? ownSentAt : sharedSentAt;
        requireIdentity(message, type, anonymousId, userId, previousId, groupId, path);
        var propertiesJson = properties == null ? null : properties.toString();
        var traitsJson = traits == null ? null : traits.toString();
        var contextJson = context == null ? null : context.toString();
        if (problems.size() > before) {
            return null;
        }
        return new CollectedEvent(
                messageId != null ? messageId : "ocx-" + UUID.randomUUID(),
                type,
                name,
                anonymousId,
                userId,
                previousId,
                groupId,
                MessageTrees.touchpointKey(context, properties),
                occurredAt(timestamp, sentAt),
                sentAt,
                propertiesJson,
                traitsJson,
                contextJson);
    }

    /**
     * Names each id the message lacks. An id that is there but invalid (too long, say) has its
     * own problem already; calling it missing too would send the sender the wrong way.
     */
    private void requireIdentity(
            JsonNode message,
            EventType type,
            @Nullable String anonymousId,
            @Nullable String userId,
            @Nullable String previousId,
            @Nullable String groupId,
            String path) {
        if (type == EventType.ALIAS) {
            if (userId == null && !given(message, "userId")) {
                problems.add(new FieldProblem(path + "userId", "collection.userId.required"));
            }
            if (previousId == null && !given(message, "previousId")) {
                problems.add(new FieldProblem(path + "previousId", "collection.previousId.required"));
            }
            return;
        }
        if (userId == null && anonymousId == null && !given(message, "userId") && !given(message, "anonymousId")) {
            problems.add(new FieldProblem(path + "userId", "collection.identity.required"));
        }
        if (type == EventType.GROUP && groupId == null && !given(message, "groupId")) {
            problems.add(new FieldProblem(path + "groupId", "collection.groupId.required"));
        }
    }

    /** Whether the field holds something other than null or blank text, valid or not. */
    private static boolean given(JsonNode message, String field) {
        var node = message.get(field);
        return node != null
                && !node.isNull()
                && !(node.isString() && node.asString().isBlank());
    }

    /** Segment's rule: the server's receive time minus how far the client's clock says it waited. */
    private Instant occurredAt(@Nullable Instant timestamp, @Nullable Instant sentAt) {
        if (timestamp == null) {
            return receivedAt;
        }
        if (sentAt == null) {
            return timestamp;
        }
        return receivedAt.minus(Duration.between(timestamp, sentAt));
    }

    private @Nullable String name(JsonNode message, EventType type, String path) {
        var field = type == EventType.TRACK ? "event" : "name";
        var node = message.get(field);
        if (node == null || node.isNull()) {
            if (type == EventType.TRACK) {
                problems.add(new FieldProblem(path + field, "collection.event.required"));
            }
            return null;
        }
        if (!node.isString() || node.asString().isBlank()) {
            problems.add(new FieldProblem(path + field, "collection.text"));
            return null;
        }
        if (node.asString().length() > MAX_NAME_LENGTH) {
            problems.add(new FieldProblem(path + field, "collection.tooLong"));
            return null;
        }
        return node.asString().strip();
    }

    /** Ids may be strings or numbers (as some libraries send them); empty means absent. */
    private @Nullable String id(JsonNode message, String field, String path) {
        var node = message.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString() && !node.isIntegralNumber()) {
            problems.add(new FieldProblem(path + field, "collection.id.type"));
            return null;
        }
        var value = node.asString().strip();
        if (value.length() > MAX_ID_LENGTH) {
            problems.add(new FieldProblem(path + field, "collection.tooLong"));
            return null;
        }
        return value.isEmpty() ? null : value;
    }

    private @Nullable ObjectNode object(JsonNode message, String field, String path) {
        var node = message.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        problems.add(new FieldProblem(path + field, "collection.object"));
        return null;
    }

    private @Nullable Instant instant(JsonNode message, String field, String path) {
        var node = message.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            var instant = OffsetDateTime.parse(node.asString()).toInstant();
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                problems.add(new FieldProblem(path + field, "collection.timestamp"));
                return null;
            }
            return instant;
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(path + field, "collection.timestamp"));
            return null;
        }
    }
}
