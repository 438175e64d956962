package org.opencxm.customers.internal;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.ConsentChannel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A profile's traits with the time each was last set. A value only replaces the stored one if
 * it was set at the same time or later, so messages that arrive out of order cannot roll a
 * profile back.
 */
final class Traits {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ObjectNode values;
    private final ObjectNode times;

    private Traits(ObjectNode values, ObjectNode times) {
        this.values = values;
        this.times = times;
    }

    /**
     * The traits that say how to reach a customer and what they agreed to; only trusted senders
     * may set them.
     */
    static final Set<String> IDENTIFYING = Set.of("email", "phone", "consent");

    static Traits of(String values, String times) {
        return new Traits((ObjectNode) JSON.readTree(values), (ObjectNode) JSON.readTree(times));
    }

    /** Applies the traits of an identify message set at {@code at}. */
    Traits apply(@Nullable String incoming, Instant at) {
        if (incoming == null) {
            return this;
        }
        var node = JSON.readTree(incoming);
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator(); fields.hasNext(); ) {
            var field = fields.next();
            set(field.getKey(), field.getValue(), at);
        }
        return this;
    }

    /** The traits as JSON text, less those in {@link #IDENTIFYING}. */
    static String withoutIdentifying(String traits) {
        var node = (ObjectNode) JSON.readTree(traits);
        node.remove(IDENTIFYING);
        return node.toString();
    }

    /** Folds another profile's traits in, each value by its own time. */
    Traits absorb(Traits other) {
        for (var field : other.values.properties()) {
            var at = other.times.get(field.getKey());
            set(field.getKey(), field.getValue(), at == null ? Instant.EPOCH : Instant.parse(at.asString()));
        }
        return this;
    }

    private void set(String name, JsonNode value, Instant at) {
        var known = times.get(name);
        if (known == null || !Instant.parse(known.asString()).isAfter(at)) {
            values.set(name, value);
            times.put(name, at.toString());
        }
    }

    @Nullable
    String text(String name) {
        var value = values.get(name);
        return value != null && value.isString() && !value.asString().isBlank()
                ? value.asString().strip()
                : null;
    }

    @Nullable
    String email() {
        return text("email");
    }

    /** {@code name}, else first and last name. */
    @Nullable
    String displayName() {
        var name = text("name");
        if (name != null) {
            return name;
        }
        var first = text("firstName");
        var last = text("lastName");
        if (first == null && last == null) {
            return null;
        }
        return ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
    }

    /** {@code consent: {email: true, phone: false}} in the traits. */
    @Nullable
    Boolean consent(ConsentChannel channel) {
        var consent = values.get("consent");
        if (consent == null || !consent.isObject() || consent.get(channel.traitName()) == null) {
            return null;
        }
        var answer = consent.get(channel.traitName());
        return answer.isBoolean() ? answer.asBoolean() : null;
    }

    String values() {
        return values.toString();
    }

    String times() {
        return times.toString();
    }
}
