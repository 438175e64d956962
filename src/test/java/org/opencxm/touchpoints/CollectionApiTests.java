package org.opencxm.touchpoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencxm.platform.ApiKeyKind;
import org.opencxm.platform.Department;
import org.opencxm.platform.Role;
import org.opencxm.platform.internal.ApiKeyManagement;
import org.opencxm.platform.internal.NewApiKey;
import org.opencxm.testing.CollectionClient;
import org.opencxm.testing.MutableClock;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The Segment-compatible collection API over real HTTP, with payloads shaped like the spec's examples. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CollectionApiTests {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @TestConfiguration
    static class FixedTime {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(NOW);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApiKeyManagement apiKeys;

    @Autowired
    Touchpoints touchpoints;

    @Autowired
    JdbcClient jdbc;

    Tenant tenant;
    CollectionClient client;

    @BeforeEach
    void setUp() {
        tenant = TenantFixture.from(context).tenant("collect");
        touchpoints.create(
                tenant.id(),
                new TouchpointDraft(
                        "webshop", "Webshop", Channel.SHOP, Department.SALES, new BigDecimal("0.05"), true));
        client = new CollectionClient(port, writeKey(tenant));
    }

    @Test
    void storesATrackCallOfTheSegmentSpecAndAttributesItsTouchpoint() {
        var response = client.post("/v1/track", """
                {"userId": "019mr8mf4r", "event": "Order Completed", "messageId": "m-track-1",
                 "properties": {"revenue": 39.95, "currency": "EUR", "products": [{"sku": "45790-32"}]},
                 "context": {"ip": "24.5.68.47", "touchpoint": "Webshop"},
                 "timestamp": "2026-11-20T09:58:00Z"}
                """);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"success\":true}");
        var stored = row("m-track-1");
        assertThat(stored).containsEntry("type", "track").containsEntry("name", "Order Completed");
        assertThat(stored.get("user_id")).isEqualTo("019mr8mf4r");
        assertThat(stored.get("touchpoint")).isEqualTo("webshop");
        assertThat(stored.get("revenue")).isEqualTo("39.95");
        assertThat(stored.get("occurred_at")).isEqualTo("2026-11-20T09:58:00Z");
        assertThat(stored.get("received_at")).isEqualTo(NOW.toString());
    }

    /** What RudderStack's Node library sends by default: gzipped JSON that calls itself a form. */
    @Test
    void takesGzippedJsonLabelledAsAFormWithRudderStacksOriginalTimestamp() throws Exception {
        var body = gzip("""
                {"batch": [{"type": "track", "event": "Cart Viewed", "userId": "r-1", "messageId": "m-rudder",
                            "originalTimestamp": "2026-11-20T11:59:50Z"}],
                 "sentAt": "2026-11-20T12:00:00Z"}
                """);

        var response = client.post(
                "/v1/batch/",
                body,
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Content-Encoding", "gzip"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(row("m-rudder").get("occurred_at"))
                .isEqualTo(NOW.minus(Duration.ofSeconds(10)).toString());
        assertThat(client.post(
                                "/v1/track/",
                                deflate("{\"event\": \"Deflated\", \"userId\": \"r-2\", \"messageId\": \"m-deflate\"}"),
                                Map.of("Content-Type", "text/plain", "Content-Encoding", "deflate"))
                        .status())
                .isEqualTo(200);
        assertThat(row("m-deflate").get("name")).isEqualTo("Deflated");
    }

    @Test
    void aZipBombOrABrokenEncodingIsRefusedWithoutStoringAnything() throws Exception {
        var zeros = new java.io.ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(zeros)) {
            var chunk = new byte[1024 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            gzip.write("{\"batch\": [".getBytes());
            for (int i = 0; i < 200; i++) {
                gzip.write(chunk);
            }
        }
        assertThat(zeros.size()).as("a small request").isLessThan(500 * 1024);

        var bomb = client.post("/v1/batch", zeros.toByteArray(), Map.of("Content-Encoding", "gzip"));
        var broken = client.post("/v1/batch", "not gzip".getBytes(), Map.of("Content-Encoding", "gzip"));
        var brotli = client.post("/v1/batch", "{}".getBytes(), Map.of("Content-Encoding", "br"));

        assertThat(bomb.status()).isEqualTo(400);
        assertThat(bomb.body()).contains("larger than 500 KB");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body()).contains("\"field\":\"body\"");
        assertThat(brotli.status()).isEqualTo(415);
        assertThat(brotli.raw().headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aBrokenQueryStringOrASharedContextTooLargeForItsMessagesIsNoServerError() throws Exception {
        var query = rawStatus("/v1/track?x=%zz", "{\"event\": \"Q\", \"userId\": \"q-1\"}");
        var shared = client.post(
                "/v1/batch",
                "{\"context\": {\"blob\": \"" + "x".repeat(33_000) + "\"},"
                        + " \"batch\": [{\"type\": \"track\", \"event\": \"S\", \"userId\": \"s-1\"}]}");

        assertThat(query).isEqualTo(200);
        assertThat(shared.status())
                .as("the shared context counts toward each message's 32 KB")
                .isEqualTo(400);
        assertThat(shared.body()).contains("larger than 32 KB");
    }

    @Test
    void anIdThatIsTooLongIsNamedOnceNotCalledMissing() {
        var response = client.post("/v1/track", "{\"event\": \"Long\", \"userId\": \"" + "u".repeat(300) + "\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body())
                .contains("\"field\":\"userId\"")
                .contains("too long")
                .doesNotContain("Either userId");
    }

    /** A request as written, for what java.net.URI refuses to send. */
    private int rawStatus(String target, String json) throws java.io.IOException {
        // a key of its own: the body names none
        try (var socket = new java.net.Socket("localhost", port)) {
            var body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            var basic = java.util.Base64.getEncoder().encodeToString((writeKey(tenant) + ":").getBytes());
            var head = "POST " + target + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Basic " + basic + "\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            var status = new String(socket.getInputStream().readNBytes(12), java.nio.charset.StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    private static byte[] gzip(String text) throws java.io.IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static byte[] deflate(String text) throws java.io.IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var deflate = new java.util.zip.DeflaterOutputStream(bytes)) {
            deflate.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    void correctsTheClientsClockSkewWithSentAt() {
        // The client's clock runs two hours fast; it says it sent the event five seconds after it happened.
        client.post("/v1/page", """
                {"anonymousId": "a-skew", "name": "Pricing", "messageId": "m-skew",
                 "timestamp": "2026-11-20T11:59:55Z", "sentAt": "2026-11-20T12:00:00Z"}
                """);

        assertThat(row("m-skew").get("occurred_at"))
                .isEqualTo(NOW.minus(Duration.ofSeconds(5)).toString());
    }

    @Test
    void aRetriedMessageIdIsStoredOnce() {
        var identify = """
                {"userId": "97980cfea0067", "messageId": "m-retry",
                 "traits": {"name": "Peter Gibbons", "email": "peter@example.com", "plan": "premium"}}
                """;
        assertThat(client.post("/v1/identify", identify).status()).isEqualTo(200);
        assertThat(client.post("/v1/identify", identify).status()).isEqualTo(200);
        assertThat(client.post(
                                "/v1/batch",
                                "{\"batch\": [{\"type\": \"identify\", "
                                        + identify.strip().substring(1) + "]}")
                        .status())
                .isEqualTo(200);

        assertThat(count("message_id = 'm-retry'")).isEqualTo(1);
    }

    @Test
    void storesABatchOfMixedTypesWithSharedContext() {
        var response = client.post("/v1/batch", """
                {"batch": [
                   {"type": "page", "anonymousId": "a-1", "name": "Home", "messageId": "b-1"},
                   {"type": "track", "anonymousId": "a-1", "event": "Product Viewed", "messageId": "b-2",
                    "properties": {"product_id": "p-7"}},
                   {"type": "identify", "anonymousId": "a-1", "userId": "u-1", "messageId": "b-3",
                    "traits": {"email": "u1@example.com"}},
                   {"type": "alias", "previousId": "a-1", "userId": "u-1", "messageId": "b-4"},
                   {"type": "screen", "userId": "u-1", "name": "Cart", "messageId": "b-5"},
                   {"type": "group", "userId": "u-1", "groupId": "g-1", "messageId": "b-6"}
                 ],
                 "context": {"touchpoint": "webshop", "library": {"name": "analytics-java"}}}
                """);

        assertThat(response.status()).isEqualTo(200);
        assertThat(count("true")).isEqualTo(6);
        assertThat(count("context->'library'->>'name' = 'analytics-java'")).isEqualTo(6);
        assertThat(row("b-2").get("touchpoint")).isEqualTo("webshop");
    }

    @Test
    void aBadEventInABatchGoesToTheQuarantineAndItsNeighboursAreStored() {
        var response = client.post("/v1/batch", """
                {"batch": [
                   {"type": "track", "userId": "u-1", "event": "Cart Viewed", "messageId": "ok-1"},
                   {"type": "track", "userId": "u-1", "messageId": "no-event"},
                   {"type": "identify", "messageId": "no-ids"},
                   {"type": "shout", "userId": "u-1"},
                   {"type": "page", "anonymousId": "a-1", "name": "Home", "messageId": "ok-2"}
                 ]}
                """);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body())
                .startsWith("{\"success\":true,\"accepted\":2,\"rejectedTotal\":3,")
                .contains("{\"index\":1,\"messageId\":\"no-event\",\"errors\":[{\"field\":\"batch[1].event\"")
                .contains("\"field\":\"batch[2].userId\"")
                .contains("{\"index\":3,\"messageId\":null,\"errors\":[{\"field\":\"batch[3].type\"");
        assertThat(count("message_id in ('ok-1', 'ok-2')")).isEqualTo(2);
        assertThat(quarantined()).containsExactlyInAnyOrder("no-event", "no-ids", null);

        var allBad = client.post("/v1/batch", "{\"batch\": [{\"type\": \"track\", \"messageId\": \"bad-only\"}]}");
        assertThat(allBad.status()).as("nothing to store: the client is told").isEqualTo(400);
        assertThat(allBad.raw().headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(quarantined()).contains("bad-only");
    }

    private java.util.List<String> quarantined() {
        return jdbc.sql("select message_id from collection_rejection where workspace_id = ?")
                .param(tenant.id().value())
                .query((rs, n) -> rs.getString(1))
                .list();
    }

    @Test
    void acceptsTheWriteKeyInTheBodyAsSendBeaconMust() {
        var anonymous = new CollectionClient(port, null);
        var response = anonymous.post(
                "/v1/track",
                "{\"writeKey\": \"" + writeKey(tenant)
                        + "\", \"anonymousId\": \"a-beacon\", \"event\": \"Page Left\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(count("anonymous_id = 'a-beacon'")).isEqualTo(1);
    }

    @Test
    void refusesMissingRevokedAndNonWriteKeys() {
        var event = "{\"userId\": \"u\", \"event\": \"X\"}";
        var revoked = apiKeys.create(tenant.id(), new NewApiKey(ApiKeyKind.WRITE, "old", null, null), null);
        apiKeys.revoke(tenant.id(), revoked.key().id());

        assertThat(new CollectionClient(port, null).post("/v1/track", event).status())
                .isEqualTo(401);
        assertThat(new CollectionClient(port, revoked.token())
                        .post("/v1/track", event)
                        .status())
                .isEqualTo(401);
        assertThat(new CollectionClient(port, tenant.token(Role.ADMIN))
                        .post("/v1/track", event)
                        .status())
                .isEqualTo(401);
        assertThat(count("true")).isZero();
    }

    @Test
    void aWriteKeyWritesOnlyIntoItsOwnWorkspace() {
        var other = TenantFixture.from(context).tenant("other");
        new CollectionClient(port, writeKey(other)).post("/v1/track", "{\"userId\": \"u-b\", \"event\": \"X\"}");

        assertThat(count("true")).isZero();
        assertThat(jdbc.sql("select count(*) from event where workspace_id = ?")
                        .param(other.id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void allowsBrowsersOnOtherSitesToPost() throws Exception {
        var preflight = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/batch"))
                                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                                .header("Origin", "https://shop.example.com")
                                .header("Access-Control-Request-Method", "POST")
                                .header("Access-Control-Request-Headers", "content-type")
                                .build(),
                        HttpResponse.BodyHandlers.discarding());

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .contains("https://shop.example.com");
    }

    private String writeKey(Tenant owner) {
        return apiKeys.create(
                        owner.id(), new NewApiKey(ApiKeyKind.WRITE, "site " + UUID.randomUUID(), null, null), null)
                .token();
    }

    private long count(String condition) {
        return jdbc.sql("select count(*) from event where workspace_id = ? and " + condition)
                .param(tenant.id().value())
                .query(Long.class)
                .single();
    }

    private Map<String, Object> row(String messageId) {
        return jdbc.sql("""
                        select e.type, e.name, e.user_id, t.key as touchpoint, e.properties->>'revenue' as revenue,
                               to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as occurred_at,
                               to_char(e.received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as received_at
                        from event e join touchpoint t on t.workspace_id = e.workspace_id and t.id = e.touchpoint_id
                        where e.workspace_id = ? and e.message_id = ?""").params(tenant.id().value(), messageId).query().singleRow();
    }
}
