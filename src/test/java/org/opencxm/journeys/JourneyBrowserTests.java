package org.opencxm.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencxm.customers.Customers;
import org.opencxm.platform.ApiKeyKind;
import org.opencxm.platform.Role;
import org.opencxm.platform.internal.ApiKeyManagement;
import org.opencxm.platform.internal.NewApiKey;
import org.opencxm.testing.Browser;
import org.opencxm.testing.CollectionClient;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** In a real Chromium: build a funnel, see its chart, and open a customer who dropped off. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JourneyBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApiKeyManagement apiKeys;

    @Autowired
    Customers customers;

    Browser browser;
    Tenant tenant;

    @BeforeAll
    void setUp() {
        browser = Browser.launch();
        tenant = TenantFixture.from(context).tenant("journey-browser");
        var key = apiKeys.create(tenant.id(), new NewApiKey(ApiKeyKind.WRITE, "shop", null, null, true), null);
        var at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(3));
        var messages = new ArrayList<String>();
        for (var who : new String[] {"Anna", "Ben", "Cem"}) {
            messages.add(track("Product Viewed", who, at));
            messages.add("{\"type\": \"identify\", \"userId\": \"" + who + "\", \"timestamp\": \"" + at
                    + "\", \"traits\": {\"name\": \"" + who + " Kunde\", \"plan\": \""
                    + (who.equals("Ben") ? "basic" : "premium") + "\"}}");
            if (!who.equals("Cem")) {
                messages.add(track("Order Completed", who, at.plus(Duration.ofHours(2))));
            }
        }
        new CollectionClient(port, key.token()).post("/v1/batch", "{\"batch\": [" + String.join(",", messages) + "]}");
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        customers
                                        .list(tenant.id(), new org.opencxm.platform.common.Paging(0, 10), null)
                                        .items()
                                        .stream()
                                        .filter(c -> c.stage() != null)
                                        .count()
                                == 3);
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void buildsAFunnelSeesTheChartAndOpensACustomerWhoDroppedOff() {
        var page = browser.newContext("de-DE").newPage();
        var problems = new ArrayList<String>();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                problems.add(message.text());
            }
        });
        page.navigate("http://localhost:" + port + "/login");
        page.getByLabel("E-Mail").fill(tenant.email(Role.CX_MANAGER));
        page.getByLabel("Passwort").fill(Tenant.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Anmelden"))
                .click();
        assertThat(page).hasURL("http://localhost:" + port + "/");

        page.navigate("http://localhost:" + port + "/journeys");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Trichter"))
                .click();
        page.getByLabel("Schritt 1", new Page.GetByLabelOptions().setExact(true))
                .fill("Product Viewed");
        page.getByLabel("Schritt 2", new Page.GetByLabelOptions().setExact(true))
                .fill("Order Completed");
        page.getByLabel("Schritt 3", new Page.GetByLabelOptions().setExact(true))
                .fill("");
        page.getByLabel("Schritt 4", new Page.GetByLabelOptions().setExact(true))
                .fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Trichter anzeigen"))
                .click();

        var table = page.locator("#funnel-table");
        assertThat(table).containsText("Produkt angesehen");
        assertThat(table.locator("tbody tr").nth(0)).containsText("3");
        assertThat(table.locator("tbody tr").nth(1)).containsText("66,7 %");
        assertThat(page.locator("[data-chart=funnel] canvas")).hasCount(1);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots/funnel-de.png"))
                .setFullPage(true));

        page.getByLabel("Aufschlüsseln nach").selectOption("TRAIT");
        page.getByLabel("Merkmal (zum Aufschlüsseln)").fill("plan");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Trichter anzeigen"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Nach Merkmal „plan“")))
                .isVisible();
        var premium = page.getByRole(AriaRole.ROW, new Page.GetByRoleOptions().setName("premium"));
        assertThat(premium).containsText("50,0 %");

        table.locator("tbody tr").nth(0).getByRole(AriaRole.LINK).click();
        var dropped = page.locator("#dropped");
        assertThat(dropped).containsText("Nach Schritt 1 abgesprungen");
        dropped.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Cem Kunde"))
                .click();
        assertThat(page.locator("h1")).hasText("Cem Kunde");
        assertThat(page.locator("#journey")).containsText("Erwägung");
        org.assertj.core.api.Assertions.assertThat(problems)
                .as("console errors")
                .isEmpty();
    }

    private static String track(String event, String userId, Instant at) {
        return "{\"type\": \"track\", \"event\": \"" + event + "\", \"userId\": \"" + userId + "\", \"timestamp\": \""
                + at + "\"}";
    }
}
