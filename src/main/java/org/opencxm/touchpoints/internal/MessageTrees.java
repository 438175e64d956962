package org.opencxm.touchpoints.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** What {@link MessageParser} reads out of a message's JSON tree beyond its fields' values. */
final class MessageTrees {

    private MessageTrees() {}

    /**
     * Where the first U+0000 sits, in a field name or a text at any depth. PostgreSQL's jsonb
     * cannot hold it, so one NUL in a property would otherwise fail the whole batch's insert.
     */
    static @Nullable String nulAt(JsonNode node, String path) {
        if (node.isString()) {
            return node.asString().indexOf('\u0000') >= 0 ? path : null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                var found = nulAt(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        for (var entry : node.properties()) {
            var fieldPath = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
            if (entry.getKey().indexOf('\u0000') >= 0) {
                return fieldPath.replace("\u0000", "");
            }
            var found = nulAt(entry.getValue(), fieldPath);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** RudderStack's browser SDK sends an identify's traits as {@code context.traits}. */
    static @Nullable ObjectNode traitsOfContext(ObjectNode context) {
        return context.get("traits") instanceof ObjectNode traits ? traits : null;
    }

    static @Nullable ObjectNode mergedContext(@Nullable ObjectNode own, @Nullable ObjectNode shared) {
        if (shared == null) {
            return own;
        }
        var merged = shared.deepCopy();
        if (own != null) {
            merged.setAll(own);
        }
        return merged;
    }

    static @Nullable String touchpointKey(@Nullable ObjectNode context, @Nullable ObjectNode properties) {
        for (var source : new JsonNode[] {context, properties}) {
            if (source != null
                    && source.get("touchpoint") != null
                    && source.get("touchpoint").isString()) {
                return source.get("touchpoint").asString().strip().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    static @Nullable String text(JsonNode node, String field) {
        var value = node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }
}
