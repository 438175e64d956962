package org.opencxm.cases;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencxm.feedback.FeedbackFixture;
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

/**
 * In a real Chromium, as an agent: a complaint sent by the shop appears in the queue; the agent
 * takes the case, acknowledges it, notes what was done, resolves and closes it, and finds it on
 * the customer's page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApiKeyManagement apiKeys;

    @Autowired
    Cases cases;

    Browser browser;
    Tenant tenant;

    @BeforeAll
    void setUp() {
        browser = Browser.launch();
        tenant = TenantFixture.from(context).tenant("case-browser");
        var customer = new FeedbackFixture(context, tenant, port).customer("K-77", "pia@example.com", "de", true);
        var key = apiKeys.create(tenant.id(), new NewApiKey(ApiKeyKind.WRITE, "hotline", null, null, true), null);
        new CollectionClient(port, key.token()).post("/v1/track", """
                {"userId": "K-77", "event": "Complaint Filed",
                 "properties": {"category": "delivery", "severity": "high", "description": "Paket beschädigt angekommen"}}""");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> cases.ofCustomer(tenant.id(), customer.id()).size() == 1);
    }

    @AfterAll
    void tearDown() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAgentTakesACaseFromTheQueueAndWorksItToTheEnd() {
        var page = browser.newContext("de-DE").newPage();
        var problems = new ArrayList<String>();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                problems.add(message.text());
            }
        });
        page.navigate("http://localhost:" + port + "/login");
        page.getByLabel("E-Mail").fill(tenant.email(Role.AGENT));
        page.getByLabel("Passwort").fill(Tenant.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Anmelden"))
                .click();

        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Fälle").setExact(true))
                // the navigation's link; the home page has one too
                .first()
                .click();
        var row = page.locator("#case-queue tbody tr").first();
        assertThat(row).containsText("Paket beschädigt angekommen");
        assertThat(row).containsText("Hoch");
        row.getByRole(AriaRole.LINK).first().click();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Fall übernehmen"))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bestätigen"))
                .click();
        assertThat(page.locator("#case-status")).hasText("Bestätigt");
        page.getByLabel("Interne Notiz (geht nicht an den Kunden)").fill("Ersatz ist unterwegs.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Notiz hinzufügen"))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Als gelöst markieren"))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schließen"))
                .click();
        assertThat(page.locator("#case-status")).hasText("Geschlossen");
        assertThat(page.locator("#case-history")).containsText("Ersatz ist unterwegs.");
        assertThat(page.locator("#case-history")).containsText("Gelöst → Geschlossen");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Wieder öffnen")))
                .isVisible();
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots/case-de.png"))
                .setFullPage(true));

        page.locator("dl.facts a").first().click();
        assertThat(page.locator("#cases")).containsText("Paket beschädigt angekommen");
        assertThat(page.locator("#cases")).containsText("Geschlossen");
        org.assertj.core.api.Assertions.assertThat(problems)
                .as("console errors")
                .isEmpty();
    }
}
