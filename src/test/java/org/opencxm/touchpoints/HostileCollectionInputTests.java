package org.opencxm.touchpoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencxm.platform.ApiKeyKind;
import org.opencxm.platform.internal.ApiKeyManagement;
import org.opencxm.platform.internal.NewApiKey;
import org.opencxm.testing.CollectionClient;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Whatever arrives at the collection API, the answer is a 4xx problem and nothing is stored, never a 5xx. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileCollectionInputTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApiKeyManagement apiKeys;

    @Autowired
    JdbcClient jdbc;

    Tenant tenant;
    CollectionClient client;

    @BeforeAll
    void setUp() {
        tenant = TenantFixture.from(context).tenant("hostile");
        var key = apiKeys.create(tenant.id(), new NewApiKey(ApiKeyKind.WRITE, "site", null, null), null);
        client = new CollectionClient(port, key.token());
    }

    static Stream<Arguments> hostileBodies() {
        var deep = "{\"a\":".repeat(100) + "1" + "}".repeat(100);
        var invalidUtf8 =
                new byte[] {'{', '"', 'u', 's', 'e', 'r', 'I', 'd', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'};
        return Stream.of(
                Arguments.of("malformed JSON", "/v1/track", bytes("{\"userId\": \"u\", \"event\": ")),
                Arguments.of("empty body", "/v1/track", bytes("")),
                Arguments.of("array instead of object", "/v1/track", bytes("[1, 2]")),
                Arguments.of("object userId", "/v1/track", bytes("{\"userId\": {\"x\": 1}, \"event\": \"E\"}")),
                Arguments.of("numeric event name", "/v1/track", bytes("{\"userId\": \"u\", \"event\": 42}")),
                Arguments.of(
                        "string properties",
                        "/v1/track",
                        bytes("{\"userId\": \"u\", \"event\": \"E\", \"properties\": \"x\"}")),
                Arguments.of(
                        "unparsable timestamp",
                        "/v1/track",
                        bytes("{\"userId\": \"u\", \"event\": \"E\", \"timestamp\": \"yesterday\"}")),
                Arguments.of("missing ids", "/v1/identify", bytes("{\"traits\": {\"email\": \"x@example.com\"}}")),
                Arguments.of("null ids", "/v1/page", bytes("{\"userId\": null, \"anonymousId\": \"\"}")),
                Arguments.of("alias without previousId", "/v1/alias", bytes("{\"userId\": \"u\"}")),
                Arguments.of(
                        "huge string",
                        "/v1/track",
                        bytes("{\"userId\": \"u\", \"event\": \"E\", \"properties\": {\"x\": \"" + "x".repeat(40_000)
                                + "\"}}")),
                Arguments.of(
                        "overlong id",
                        "/v1/track",
                        bytes("{\"userId\": \"" + "u".repeat(300) + "\", \"event\": \"E\"}")),
                Arguments.of(
                        "deep nesting",
                        "/v1/track",
                        bytes("{\"userId\": \"u\", \"event\": \"E\", \"properties\": " + deep + "}")),
                Arguments.of("invalid UTF-8", "/v1/identify", invalidUtf8),
                Arguments.of(
                        "huge number",
                        "/v1/track",
                        bytes("{\"userId\": \"u\", \"event\": \"E\", \"properties\": {\"n\": 1" + "0".repeat(5000)
                                + "}}")),
                Arguments.of("NUL in an id", "/v1/identify", bytes("{\"userId\": \"a\\u0000b\"}")),
                Arguments.of(
                        "NUL in the event name", "/v1/track", bytes("{\"userId\": \"u\", \"event\": \"E\\u0000\"}")),
                Arguments.of(
                        "NUL in a nested property",
                        "/v1/track",
                        bytes(
                                "{\"userId\": \"u\", \"event\": \"E\", \"properties\": {\"items\": [{\"sku\": \"\\u0000\"}]}}")),
                Arguments.of(
                        "NUL in a field name",
                        "/v1/identify",
                        bytes("{\"userId\": \"u\", \"traits\": {\"e\\u0000mail\": \"x\"}}")),
                Arguments.of(
                        "NUL in the shared context of a batch",
                        "/v1/batch",
                        bytes("{\"context\": {\"page\": {\"url\": \"\\u0000\"}}, \"batch\": [{\"type\": \"track\","
                                + " \"userId\": \"u\", \"event\": \"E\"}]}")),
                Arguments.of("batch not an array", "/v1/batch", bytes("{\"batch\": {\"type\": \"track\"}}")),
                Arguments.of("empty batch", "/v1/batch", bytes("{\"batch\": []}")),
                Arguments.of("oversize batch", "/v1/batch", oversizeBatch()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileBodies")
    void refusesWithAProblemAndStoresNothing(String description, String path, byte[] body) {
        var response = client.post(path, body);

        assertThat(response.status()).as(description).isEqualTo(400);
        assertThat(response.raw().headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body()).contains("\"errors\"");
        assertThat(stored()).isZero();
    }

    /** Seeded mutations of a valid batch: truncated, bytes flipped, pieces repeated. */
    @Test
    void mutatedPayloadsNeverCauseA5xx() {
        var valid = bytes("""
                {"batch": [{"type": "track", "userId": "u-1", "event": "Order Completed", "messageId": "m-1",
                  "properties": {"revenue": 10.5, "items": [1, 2, {"sku": "x"}]}, "timestamp": "2026-11-20T10:00:00Z"},
                  {"type": "identify", "anonymousId": "a-1", "traits": {"email": "a@example.com"}}]}
                """);
        var random = new Random(20261124L);
        for (int i = 0; i < 300; i++) {
            var mutated = mutate(valid, random);
            var status = client.post("/v1/batch", mutated).status();
            assertThat(status)
                    .as("mutation %d: %s", i, new String(mutated, StandardCharsets.UTF_8))
                    .isIn(200, 400);
        }
    }

    private static byte[] mutate(byte[] valid, Random random) {
        var copy = valid.clone();
        switch (random.nextInt(3)) {
            case 0 -> {
                return java.util.Arrays.copyOf(copy, random.nextInt(copy.length));
            }
            case 1 -> {
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                return copy;
            }
            default -> {
                int from = random.nextInt(copy.length);
                int to = Math.min(copy.length, from + random.nextInt(40));
                var piece = java.util.Arrays.copyOfRange(copy, from, to);
                var out = new byte[copy.length + piece.length];
                System.arraycopy(copy, 0, out, 0, from);
                System.arraycopy(piece, 0, out, from, piece.length);
                System.arraycopy(copy, from, out, from + piece.length, copy.length - from);
                return out;
            }
        }
    }

    private long stored() {
        return jdbc.sql("select count(*) from event where workspace_id = ? and user_id is distinct from 'u-1'"
                        + " and anonymous_id is distinct from 'a-1'")
                .param(tenant.id().value())
                .query(Long.class)
                .single();
    }

    private static byte[] oversizeBatch() {
        var event = "{\"type\": \"track\", \"userId\": \"u\", \"event\": \"E\", \"properties\": {\"x\": \""
                + "y".repeat(10_000) + "\"}}";
        var batch = new StringBuilder("{\"batch\": [");
        for (int i = 0; i < 60; i++) {
            batch.append(i == 0 ? "" : ",").append(event);
        }
        return bytes(batch.append("]}").toString());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
