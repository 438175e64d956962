package org.opencxm.cases;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencxm.customers.CustomerId;
import org.opencxm.feedback.FeedbackFixture;
import org.opencxm.feedback.internal.InvitationMailer;
import org.opencxm.platform.ApiKeyKind;
import org.opencxm.platform.Role;
import org.opencxm.platform.internal.ApiKeyManagement;
import org.opencxm.platform.internal.NewApiKey;
import org.opencxm.testing.Browser;
import org.opencxm.testing.CollectionClient;
import org.opencxm.testing.Tenant;
import org.opencxm.testing.TenantFixture;
import org.opencxm.testing.WithMovableClockAndMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * In a real Chromium, as an agent: a complaint sent by the shop appears in the queue; the agent
 * takes the case, acknowledges it, answers the customer from a template, records a promise,
 * notes what was done, resolves it; the customer answers the follow-up survey in their own
 * browser, and the answer appears on the case; the agent closes it and finds it on the
 * customer's page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseBrowserTests extends WithMovableClockAndMail {

    @Autowired
    ApplicationContext context;

    @Autowired
    ApiKeyManagement apiKeys;

    @Autowired
    Cases cases;

    @Autowired
    InvitationMailer mailer;

    Browser browser;
    Tenant tenant;

    private static String surveyLink(String address) throws Exception {
        for (var message : mailTo(address, 1)) {
            var matcher = java.util.regex.Pattern.compile("http://respond\\.example(/i/[A-Za-z0-9_-]{43})")
                    .matcher(text(message, "text/plain"));
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return null;
    }

    CustomerId customer;

    @BeforeAll
    void setUp() {
        browser = Browser.launch();
        tenant = TenantFixture.from(context).tenant("case-browser");
        customer = new FeedbackFixture(context, tenant, port)
                .customer("K-77", "pia@example.com", "de", true)
                .id();
        var key = apiKeys.create(tenant.id(), new NewApiKey(ApiKeyKind.WRITE, "hotline", null, null, true), null);
        new CollectionClient(port, key.token()).post("/v1/track", """
                {"userId": "K-77", "event": "Complaint Filed",
                 "properties": {"category": "delivery", "severity": "high", "description": "Paket beschädigt angekommen"}}""");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> cases.ofCustomer(tenant.id(), customer).size() == 1);
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
        // the template picker is the page's script: choosing before it ran would fill nothing
        page.waitForLoadState();
        page.getByLabel("Beginnen mit").selectOption(new SelectOption().setLabel("Rückfrage"));
        assertThat(page.getByLabel("Ihre Antwort")).hasValue(java.util.regex.Pattern.compile("Bestellnummer"));
        page.getByLabel("Danach auf die Antwort des Kunden warten (die Uhr des Falls hält an)")
                .check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Senden"))
                .click();
        assertThat(page.locator("#case-status")).hasText("Wartet auf den Kunden");
        assertThat(page.locator("#case-history")).containsText("E-Mail an den Kunden");

        var due = clock.instant()
                .plus(Duration.ofDays(2))
                .atZone(tenant.workspace().timeZone());
        page.getByLabel("Zusage", new Page.GetByLabelOptions().setExact(true)).fill("Rückruf wegen Ersatzlieferung");
        page.getByLabel("Fällig", new Page.GetByLabelOptions().setExact(true))
                .fill(due.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString());
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Zusagen").setExact(true))
                .click();
        assertThat(page.locator("#case-promises")).containsText("Rückruf wegen Ersatzlieferung");
        assertThat(page.locator("#case-promises")).containsText("Offen");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Eingehalten"))
                .click();
        assertThat(page.locator("#case-promises")).containsText("Eingehalten");

        page.getByLabel("Interne Notiz (geht nicht an den Kunden)").fill("Ersatz ist unterwegs.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Notiz hinzufügen"))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Als gelöst markieren"))
                .click();
        assertThat(page.locator("#case-status")).hasText("Gelöst");

        // the customer answers the follow-up survey in her own browser
        var supportCase = cases.ofCustomer(tenant.id(), customer).get(0);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> cases.entries(tenant.id(), supportCase.id()).stream()
                        .anyMatch(e -> e.kind() == CaseEntry.Kind.SURVEY));
        mailer.sendDue();
        var link = await().atMost(Duration.ofSeconds(10)).until(() -> surveyLink("pia@example.com"), l -> l != null);
        var respondent = browser.newContext("de-DE").newPage();
        respondent.navigate("http://localhost:" + port + link);
        assertThat(respondent.locator("main"))
                .containsText("Wie zufrieden sind Sie damit, wie wir Ihr Anliegen gelöst haben?");
        respondent.locator("label.option:has-text('5')").click();
        respondent.locator("button[type=submit]").click();
        assertThat(respondent.locator("h1")).hasText("Vielen Dank");
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        cases.entries(tenant.id(), supportCase.id()).stream().anyMatch(e -> "CSAT 5".equals(e.body())));
        page.reload();
        assertThat(page.locator("#case-history")).containsText("Der Kunde hat die Nachbefragung beantwortet");
        assertThat(page.locator("#case-history")).containsText("CSAT 5");

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
