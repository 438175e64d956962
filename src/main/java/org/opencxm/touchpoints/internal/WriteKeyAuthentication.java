package org.opencxm.touchpoints.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opencxm.touchpoints.internal.CollectionCache.WriteKey;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Finds the write key of a request to {@code /v1}: HTTP Basic with the key as user name, as
 * Segment clients send it, or the {@code writeKey} field of the body, which browsers' {@code
 * sendBeacon} and the survey widget need because they cannot set headers. The one place that
 * authenticates write keys, for the collection API and the widget alike.
 */
@Component
public class WriteKeyAuthentication {

    private final CollectionCache cache;

    WriteKeyAuthentication(CollectionCache cache) {
        this.cache = cache;
    }

    /** @throws CollectionRejected with 401 when the request carries no key, or one that is unknown or revoked */
    public WriteKey authenticate(@Nullable String authorization, JsonNode body) {
        var token = fromBasic(authorization);
        if (token == null
                && body.get("writeKey") != null
                && body.get("writeKey").isString()) {
            token = body.get("writeKey").asString();
        }
        if (token == null || token.isBlank()) {
            throw unauthorized("collection.writeKey.missing");
        }
        return cache.writeKey(token.strip()).orElseThrow(() -> unauthorized("collection.writeKey.invalid"));
    }

    private static CollectionRejected unauthorized(String messageKey) {
        return new CollectionRejected(HttpStatus.UNAUTHORIZED, List.of(new FieldProblem("writeKey", messageKey)));
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
