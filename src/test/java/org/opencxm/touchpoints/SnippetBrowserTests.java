package org.opencxm.touchpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencxm.customers.Customers;
import org.opencxm.platform.ApiKeyKind;
import org.opencxm.platform.Role;
import org.opencxm.platform.common.Paging;
import org.opencxm.platform.internal.ApiKeyManagement;
import org.opencxm.platform.internal.NewApiKey;
import org.opencxm.testing.Browser;
import org.opencxm.testing.BrowserlessSession;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The website snippet on a shop page served from another origin, in a real Chromium: a page view
 * and a login (identify) reach OpenCXM and show on the customer's timeline; with consent
 * required, nothing leaves the browser before the visitor agrees.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnippetBrowserTests {

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

    @BeforeAll
    void setUp() throws IOException {
        browser = Browser.launch();
        tenant = TenantFixture.from(context).tenant("snippet");
        writeKey = apiKeys.create(tenant.id(), new NewApiKey(ApiKeyKind.WRITE, "shop", null, null), null)
                .token();
        shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        shop.createContext("/", exchange -> {
            var consent = exchange.getRequestURI().getPath().contains("consent") ? "required" : "none";
            var html = page(consent).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
        });
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
    void aPageViewAndALoginAppearOnTheCustomersTimeline() {
        var page = browser.newContext("de-DE").newPage();
        page.navigate(shopUrl("/shop"));
        page.click("#login");

        var customer = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> customers.list(tenant.id(), Paging.first(), "shop-77").items().stream()
                                .filter(c -> customers
                                                .timeline(tenant.id(), c.id(), null, null, 10)
                                                .size()
                                        >= 2)
                                .findFirst()
                                .orElse(null),
                        java.util.Objects::nonNull);

        var session = BrowserlessSession.on(port);
        session.signIn(tenant.email(Role.AGENT), Tenant.PASSWORD);
        var profile = session.get("/customers/" + customer.id()).body();
        assertThat(profile).contains("Greta Garbo").contains("Mein Shop").contains("Profile updated");
        assertThat(jdbc.sql(
                                "select count(*) from event where workspace_id = ? and context->'library'->>'name' = 'opencxm.js'")
                        .param(tenant.id().value())
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void withConsentRequiredNothingIsSentOrStoredUntilTheVisitorAgrees() {
        var page = browser.newContext("de-DE").newPage();
        page.navigate(shopUrl("/consent"));
        page.evaluate("opencxm.track('Newsletter Viewed'); opencxm.flush()");

        assertThat(page.evaluate("window.localStorage.getItem('ocx_aid')")).isNull();
        assertThat(eventsNamed("Newsletter Viewed")).isZero();

        page.click("#agree");

        await().atMost(Duration.ofSeconds(15)).until(() -> eventsNamed("Newsletter Viewed") == 1);
        assertThat(page.evaluate("window.localStorage.getItem('ocx_aid')")).isNotNull();
    }

    private long eventsNamed(String name) {
        return jdbc.sql("select count(*) from event where workspace_id = ? and name = ?")
                .params(tenant.id().value(), name)
                .query(Long.class)
                .single();
    }

    private String shopUrl(String path) {
        return "http://127.0.0.1:" + shop.getAddress().getPort() + path;
    }

    private String page(String consent) {
        return """
                <!DOCTYPE html><html><head><title>Mein Shop</title></head><body>
                <script>window.opencxm = [["page"]];</script>
                <script src="http://localhost:%d/js/opencxm.js" data-write-key="%s" data-touchpoint="website"
                        data-consent="%s"></script>
                <button id="login" onclick="opencxm.identify('shop-77', {name: 'Greta Garbo'}); opencxm.flush()">Login</button>
                <button id="agree" onclick="opencxm.consent(true)">OK</button>
                </body></html>
                """.formatted(port, writeKey, consent);
    }
}
