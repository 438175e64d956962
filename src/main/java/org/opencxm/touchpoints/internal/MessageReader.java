package org.opencxm.touchpoints.internal;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a collection request's body in one pass, noting how many bytes each message of a
 * batch took as sent: the 32 KB limit is the client's measure, and a re-serialization (other
 * escapes, other spacing) would refuse events that the client rightly considers small enough.
 */
final class MessageReader {

    /**
     * @param sizes the bytes of each element of {@code batch} as sent, in order; empty without one
     */
    record Body(ObjectNode json, List<Integer> sizes) {}

    /** A value inside the body: the rest of the body follows it, so no trailing-token check here. */
    private static final ObjectReader VALUE =
            CollectionLimits.PARSER.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private MessageReader() {}

    /** @throws CollectionRejected unless the bytes are one JSON object within the parser's limits */
    static Body read(byte[] bytes) {
        if (bytes.length > CollectionLimits.MAX_REQUEST_BYTES) {
            throw CollectionRejected.badRequest("body", "collection.request.tooLarge");
        }
        if (bytes.length == 0) {
            throw CollectionRejected.badRequest("body", "collection.object");
        }
        try (var parser = CollectionLimits.PARSER.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw CollectionRejected.badRequest("body", "collection.object");
            }
            var root = CollectionLimits.PARSER.createObjectNode();
            var sizes = new ArrayList<Integer>();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                var name = parser.currentName();
                if (parser.nextToken() == JsonToken.START_ARRAY && "batch".equals(name)) {
                    var batch = root.putArray(name);
                    sizes.clear();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        long start = parser.currentTokenLocation().getByteOffset();
                        batch.add(VALUE.<JsonNode>readValue(parser));
                        sizes.add((int) (parser.currentLocation().getByteOffset() - start));
                    }
                } else {
                    root.set(name, VALUE.<JsonNode>readValue(parser));
                }
            }
            if (parser.nextToken() != null) {
                throw CollectionRejected.badRequest("body", "collection.json");
            }
            return new Body(root, sizes);
        } catch (JacksonException e) {
            throw CollectionRejected.badRequest("body", "collection.json");
        }
    }
}
