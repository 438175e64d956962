package org.opencxm.touchpoints;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.ApiKey;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Finds the write key of a collection request: HTTP Basic with the key as user name, as Segment
 * clients send it, or the {@code writeKey} field of the body, which browsers' {@code sendBeacon}
 * needs because it cannot set headers.
 */
@Component
class WriteKeyAuthentication {

    private final CollectionCache cache;

    WriteKeyAuthentication(CollectionCache cache) {
        this.cache = cache;
    }

    ApiKey authenticate(@Nullable String authorization, JsonNode body) {
        var token = fromBasic(authorization);
        if (token == null
                && body.get("writeKey") != null
                && body.get("writeKey").isString()) {
            token = body.get("writeKey").asString();
        }
        if (token == null || token.isBlank()) {
            throw new CollectionRejected(
                    HttpStatus.UNAUTHORIZED,
                    java.util.List.of(new FieldProblem("writeKey", "collection.writeKey.missing")));
        }
        return cache.writeKey(token.strip())
                .orElseThrow(() -> new CollectionRejected(
                        HttpStatus.UNAUTHORIZED,
                        java.util.List.of(new FieldProblem("writeKey", "collection.writeKey.invalid"))));
    }

    private static @Nullable String fromBasic(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            var decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
