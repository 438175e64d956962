package org.opencxm.touchpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencxm.customers.Customers;
import org.opencxm.platform.ApiKeyKind;
import org.opencxm.platform.internal.ApiKeyManagement;
import org.opencxm.platform.internal.NewApiKey;
import org.opencxm.testing.Browser;
import org.opencxm.testing.NpmPackages;
import org.opencxm.testing.Profiles;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The two most used browser tracking libraries, as published on npm, on a shop page of another
 * origin in a real Chromium: Segment's analytics.js 2.0 ({@code @segment/analytics-next}) and
 * RudderStack's JS SDK v3 ({@code @rudderstack/analytics-js}). Configured as docs/collection.md
 * says, so that no request goes to a vendor's servers: the page's own server hosts the files
 * (and for analytics.js its settings). Every event arrives exactly once, traits reach the profile.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserLibrariesTests {

    static final String SEGMENT = "@segment/analytics-next";
    static final String SEGMENT_VERSION = "1.84.3";
    static final String RUDDERSTACK = "@rudderstack/analytics-js";
    static final String RUDDERSTACK_VERSION = "3.34.1";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApiKeyManagement apiKeys;

    @Autowired
    Customers customers;

    @Autowired
    JdbcClient jdbc;

    Browser browser;
    HttpServer shop;
    Tenant tenant;
    String writeKey;
    Path segment;
    Path rudderstack;
    final List<String> foreignRequests = new CopyOnWriteArrayList<>();

    @BeforeAll
    void setUp() throws IOException {
        browser = Browser.launch();
        segment = NpmPackages.fetch(SEGMENT, SEGMENT_VERSION);
        rudderstack = NpmPackages.fetch(RUDDERSTACK, RUDDERSTACK_VERSION);
        tenant = TenantFixture.from(context).tenant("browser-libraries");
        writeKey = apiKeys.create(tenant.id(), new NewApiKey(ApiKeyKind.WRITE, "website", null, null), null)
                .token();
        shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        shop.createContext("/", this::serve);
        shop.start();
    }

    @AfterAll
    void tearDown() {
        if (shop != null) {
            shop.stop(0);
        }
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void segmentAnalyticsJsDeliversEveryEventOnceWithTraits() {
        var page = open("/segment.html");
        page.waitForFunction("() => typeof window.analytics.page === 'function'");
        page.evaluate("() => analytics.page('Checkout')");
        page.evaluate("() => analytics.identify('seg-1', {name: 'Sina Segment', plan: 'gold'})");
        page.evaluate("() => { for (let i = 0; i < 5; i++) analytics.track('Product Added', {i}); }");

        awaitEvents("Product Added", 5);
        assertThat(awaitCustomer("seg-1").displayName()).isEqualTo("Sina Segment");
        assertThat(count("type = 'page' and name = 'Checkout'")).isEqualTo(1);
        assertThat(count("type = 'identify' and user_id = 'seg-1'")).isEqualTo(1);
        assertThat(count("context->'library'->>'name' = 'analytics.js'")).isEqualTo(7);
        assertThat(foreignRequests).as("requests to vendor servers").isEmpty();
    }

    @Test
    void rudderStackJsSdkDeliversEveryEventOnceWithTraits() {
        var page = open("/rudderstack.html");
        await().atMost(Duration.ofSeconds(15)).until(() -> Boolean.TRUE.equals(page.evaluate("() => window.ready")));
        page.evaluate("() => rudder.page('Shop', 'Home')");
        page.evaluate("() => rudder.identify('rs-1', {name: 'Rita Rudder', city: 'Graz'})");
        page.evaluate("() => { for (let i = 0; i < 5; i++) rudder.track('Product Viewed', {i}); }");

        awaitEvents("Product Viewed", 5);
        assertThat(awaitCustomer("rs-1").displayName()).isEqualTo("Rita Rudder");
        assertThat(count("type = 'identify' and user_id = 'rs-1'")).isEqualTo(1);
        assertThat(count("context->'library'->>'name' = 'RudderLabs JavaScript SDK'"))
                .isEqualTo(7);
        assertThat(foreignRequests).as("requests to vendor servers").isEmpty();
    }

    private Page open(String path) {
        var page = browser.newContext("de-DE").newPage();
        page.onRequest(request -> {
            var url = request.url();
            if (!url.startsWith("http://127.0.0.1:" + shop.getAddress().getPort())
                    && !url.startsWith("http://localhost:" + port)) {
                foreignRequests.add(url);
            }
        });
        // what the libraries say goes to the test's output, for when a new version breaks
        page.onConsoleMessage(message -> System.out.println("browser console: " + message.text()));
        page.onRequestFailed(
                request -> System.out.println("browser request failed: " + request.url() + " " + request.failure()));
        page.onResponse(response -> {
            if (response.status() >= 400) {
                System.out.println("browser got " + response.status() + " for " + response.url());
            }
        });
        page.navigate("http://127.0.0.1:" + shop.getAddress().getPort() + path);
        return page;
    }

    private void serve(HttpExchange exchange) throws IOException {
        var path = exchange.getRequestURI().getPath();
        var shopOrigin = "http://127.0.0.1:" + shop.getAddress().getPort();
        if (path.equals("/segment.html")) {
            respond(exchange, "text/html; charset=utf-8", null, segmentPage(shopOrigin));
        } else if (path.equals("/rudderstack.html")) {
            respond(exchange, "text/html; charset=utf-8", null, rudderStackPage(shopOrigin));
        } else if (path.equals("/v1/projects/" + writeKey + "/settings")) {
            respond(exchange, "application/json", null, segmentSettings());
        } else if (path.startsWith("/analytics-next/bundles/")) {
            // the package ships its browser bundles gzipped, as a CDN would serve them
            var file = segment.resolve("dist/umd").resolve(path.substring("/analytics-next/bundles/".length()) + ".gz");
            respond(exchange, "text/javascript", "gzip", Files.exists(file) ? Files.readAllBytes(file) : null);
        } else if (path.equals("/rudderstack.js")) {
            respond(
                    exchange,
                    "text/javascript",
                    null,
                    Files.readAllBytes(rudderstack.resolve("dist/npm/modern/bundled/umd/index.js")));
        } else {
            respond(exchange, "text/plain", null, null);
        }
    }

    private static void respond(HttpExchange exchange, String type, String encoding, Object body) throws IOException {
        var bytes = body == null
                ? new byte[0]
                : body instanceof byte[] raw ? raw : body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
        if (encoding != null) {
            exchange.getResponseHeaders().add("Content-Encoding", encoding);
        }
        exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
        if (body != null) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    /** analytics.js as a site hosting it itself loads it: its own CDN address and write key. */
    private String segmentPage(String shopOrigin) {
        return """
                <!DOCTYPE html><html lang="de"><head><title>Shop</title>
                <script>
                  window.analytics = [];
                  window.analytics._writeKey = "%s";
                  window.analytics._cdn = "%s";
                </script>
                <script src="%s/analytics-next/bundles/standalone.js"></script>
                </head><body><h1>Mein Shop</h1></body></html>
                """.formatted(writeKey, shopOrigin, shopOrigin);
    }

    /** The settings analytics.js would fetch from Segment: OpenCXM as the API host, no metrics. */
    private String segmentSettings() {
        return """
                {"integrations": {"Segment.io": {"apiKey": "%s", "apiHost": "localhost:%d/v1", "protocol": "http"}},
                 "plan": {}, "edgeFunction": {}, "analyticsNextEnabled": true, "middlewareSettings": {},
                 "enabledMiddleware": {}, "metrics": {"sampleRate": 0}, "legacyVideoPluginsEnabled": false,
                 "remotePlugins": []}
                """.formatted(writeKey, port);
    }

    /** RudderStack's bundled build with its source configuration given inline, not fetched. */
    private String rudderStackPage(String shopOrigin) {
        return """
                <!DOCTYPE html><html lang="de"><head><title>Shop</title>
                <script src="%s/rudderstack.js"></script>
                <script>
                  window.rudder = new rudderanalytics.RudderAnalytics();
                  rudder.load("%s", "http://localhost:%d", {
                    getSourceConfig: () => ({source: {id: "shop", name: "Shop", writeKey: "%s", workspaceId: "opencxm",
                                                      enabled: true, config: {}, destinations: []}}),
                    onLoaded: () => { window.ready = true; }
                  });
                </script>
                </head><body><h1>Mein Shop</h1></body></html>
                """.formatted(shopOrigin, writeKey, port, writeKey);
    }

    private void awaitEvents(String name, int expected) {
        await().atMost(Duration.ofSeconds(20)).until(() -> count("name = '" + name + "'") >= expected);
        assertThat(count("name = '" + name + "'")).as("exactly once").isEqualTo(expected);
    }

    private long count(String condition) {
        return jdbc.sql("select count(*) from event where workspace_id = ? and " + condition)
                .param(tenant.id().value())
                .query(Long.class)
                .single();
    }

    private org.opencxm.customers.Customer awaitCustomer(String userId) {
        return Profiles.awaitNamed(customers, tenant.id(), userId);
    }
}
